// trestle-screengrab <file.png>: saves the whole X screen (installer/check-demo.sh, under Xvfb,
// where no window manager and no `xwd`/`import` are around) and fails when the picture is one
// flat colour, i.e. nothing was drawn. Prints the size and the number of distinct colours.
#include <QGuiApplication>
#include <QImage>
#include <QPixmap>
#include <QScreen>
#include <QSet>

#include <cstdio>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: trestle-screengrab <file.png>\n");
        return 2;
    }
    QScreen *screen = QGuiApplication::primaryScreen();
    if (!screen) {
        std::fprintf(stderr, "trestle-screengrab: no screen\n");
        return 1;
    }
    const QImage image = screen->grabWindow(0).toImage();
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
