// trestle-screengrab <file.png> [x y width height]: saves the whole X screen, or the given part
// of it (installer/check-demo.sh; the user guide's pictures of popups over the window, which a
// widget's own grab() leaves out), under Xvfb, where no window manager and no `xwd`/`import` are
// around; fails when the picture is one flat colour, i.e. nothing was drawn. Prints the size and
// the number of distinct colours.
#include <QGuiApplication>
#include <QImage>
#include <QPixmap>
#include <QScreen>
#include <QSet>

#include <cstdio>
#include <cstdlib>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    if (argc != 2 && argc != 6) {
        std::fprintf(stderr, "usage: trestle-screengrab <file.png> [x y width height]\n");
        return 2;
    }
    QScreen *screen = QGuiApplication::primaryScreen();
    if (!screen) {
        std::fprintf(stderr, "trestle-screengrab: no screen\n");
        return 1;
    }
    // The rectangle is in the screen's logical pixels, as QWidget::frameGeometry() gives them.
    const QImage image = argc == 6
        ? screen
              ->grabWindow(0, std::atoi(argv[2]), std::atoi(argv[3]), std::atoi(argv[4]), std::atoi(argv[5]))
              .toImage()
        : screen->grabWindow(0).toImage();
    if (image.isNull() || !image.save(QString::fromLocal8Bit(argv[1]))) {
        std::fprintf(stderr, "trestle-screengrab: could not grab or save %s\n", argv[1]);
        return 1;
    }
    // Sampled on a grid: enough to tell an empty screen from one with a window on it.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    }
    std::printf("%s: %dx%d, %lld colours\n", argv[1], image.width(), image.height(),
                static_cast<long long>(colours.size()));
    return colours.size() > 8 ? 0 : 1;
}
