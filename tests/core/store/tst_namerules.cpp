// Name rules as data: a table of hard names, each with its verdict (the first violation, or "ok")
// and the name the Lookalike mapping gives ("=" unchanged, "!" cannot be repaired), for the
// Procore Documents, Windows and POSIX presets; then untrusted names and paths from a server.
#include "core/store/namerules.h"
#include "core/store/storepath.h"

#include <QTest>

using namespace trestle;

namespace {

QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

StoreLimits preset(const QString &name)
{
    if (name == QLatin1String("procore"))
        return StoreLimits::procoreDocuments();
    if (name == QLatin1String("windows"))
        return StoreLimits::windows();
    if (name == QLatin1String("windows-root9"))
        return StoreLimits::windows(9);
    if (name == QLatin1String("windows-long"))
        return StoreLimits::windows(0, true);
    return StoreLimits::posix();
}

QString verdictOf(const QList<NameViolation> &violations)
{
    return violations.isEmpty() ? QStringLiteral("ok")
                                : NameViolation::kindName(violations.constFirst().kind);
}

QString a(int count)
{
    return QString(count, QLatin1Char('a'));
}

QString repeat(const QString &piece, int count)
{
    return piece.repeated(count);
}

// "a" + c + "b"
QString around(QChar c)
{
    return QStringLiteral("a") + c + QStringLiteral("b");
}

} // namespace

class TestNameRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names_data();
    void names();
    void underscorePolicy_data();
    void underscorePolicy();
    void paths_data();
    void paths();
    void untrustedNames_data();
    void untrustedNames();
    void untrustedPaths_data();
    void untrustedPaths();
    void collisions();
    void mappingRecordRoundTrip();
    void lookalikesReverse();
    void measure();
};

void TestNameRules::names_data()
{
    QTest::addColumn<QString>("limits");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("mapped");

    auto row = [](const char *limits, const QString &name, const char *verdict, const QString &mapped) {
        static int n = 0;
        QString shown = name.left(40);
        for (QChar &c : shown) {
            if (c.unicode() < 0x20 || (c.unicode() >= 0x7F && c.unicode() <= 0x9F) || c.isSurrogate())
                c = QLatin1Char('?');
        }
        const QString tag = QStringLiteral("%1 #%2 %3").arg(QLatin1String(limits)).arg(++n).arg(shown);
        QTest::newRow(tag.toUtf8().constData())
            << QString::fromLatin1(limits) << name << QString::fromLatin1(verdict) << mapped;
    };
    const QString same = QStringLiteral("=");
    const QString fails = QStringLiteral("!");

    // --- Every invalid character of Procore Documents: / < > : \ | ? *  (and " is allowed)
    row("procore", u8("a/b"), "separator", u8("a\u2215b"));
    row("procore", u8("a<b"), "invalid-char", u8("a\uFF1Cb"));
    row("procore", u8("a>b"), "invalid-char", u8("a\uFF1Eb"));
    row("procore", u8("ab:cd"), "invalid-char", u8("ab\uA789cd"));
    row("procore", u8("a\\b"), "separator", u8("a\u29F5b"));
    row("procore", u8("a|b"), "invalid-char", u8("a\uFF5Cb"));
    row("procore", u8("a?b"), "invalid-char", u8("a\uFF1Fb"));
    row("procore", u8("a*b"), "invalid-char", u8("a\uFF0Ab"));
    row("procore", u8("a\"b"), "ok", same);
    row("procore", u8("Plan: Level 1 <draft>?.pdf"), "invalid-char",
        u8("Plan\uA789 Level 1 \uFF1Cdraft\uFF1E\uFF1F.pdf"));
    row("procore", u8("a#b%c&d{e}f~g"), "ok", same);
    row("procore", u8("a;b,c=d+e[f]g@h!i'j`k^l$"), "ok", same);
    // --- Every invalid character of Windows: < > : " / \ | ? *
    row("windows", u8("a<b"), "invalid-char", u8("a\uFF1Cb"));
    row("windows", u8("a>b"), "invalid-char", u8("a\uFF1Eb"));
    row("windows", u8("ab:cd"), "invalid-char", u8("ab\uA789cd"));
    row("windows", u8("a\"b"), "invalid-char", u8("a\uFF02b"));
    row("windows", u8("a/b"), "separator", u8("a\u2215b"));
    row("windows", u8("a\\b"), "separator", u8("a\u29F5b"));
    row("windows", u8("a|b"), "invalid-char", u8("a\uFF5Cb"));
    row("windows", u8("a?b"), "invalid-char", u8("a\uFF1Fb"));
    row("windows", u8("a*b"), "invalid-char", u8("a\uFF0Ab"));
    row("windows", u8("file:stream"), "invalid-char", u8("file\uA789stream"));
    row("windows", u8("a#b%c&d{e}f~g"), "ok", same);
    // --- POSIX: only separators (and the refused backslash)
    row("posix", u8("ab:cd"), "ok", same);
    row("posix", u8("a:b"), "drive-letter", u8("a\uA789b")); // "a:" reads as drive A: on Windows
    row("posix", u8("a<b>c"), "ok", same);
    row("posix", u8("a\"b"), "ok", same);
    row("posix", u8("a|b"), "ok", same);
    row("posix", u8("a?b*c"), "ok", same);
    row("posix", u8("a/b"), "separator", u8("a\u2215b"));
    row("posix", u8("a\\b"), "separator", u8("a\u29F5b"));
    row("posix", u8("a#b%c&d{e}f~g"), "ok", same);

    // --- Control characters, in every preset
    for (const char *limits : {"procore", "windows", "posix"}) {
        row(limits, around(QChar(0x0000)), "control-char", around(QChar(0x2400)));
        row(limits, around(QChar(0x0001)), "control-char", around(QChar(0x2401)));
        row(limits, around(QChar(0x0009)), "control-char", around(QChar(0x2409)));
        row(limits, around(QChar(0x000A)), "control-char", around(QChar(0x240A)));
        row(limits, around(QChar(0x000D)), "control-char", around(QChar(0x240D)));
        row(limits, around(QChar(0x001B)), "control-char", around(QChar(0x241B)));
        row(limits, around(QChar(0x001F)), "control-char", around(QChar(0x241F)));
        row(limits, around(QChar(0x007F)), "control-char", around(QChar(0x2421)));
        row(limits, around(QChar(0x0085)), "control-char", u8("a_b"));
        row(limits, around(QChar(0x009F)), "control-char", u8("a_b"));
    }

    // --- Windows reserved device names (with or without extension, any case)
    row("windows", u8("CON"), "reserved-name", u8("CON_"));
    row("windows", u8("con"), "reserved-name", u8("con_"));
    row("windows", u8("Con.txt"), "reserved-name", u8("Con_.txt"));
    row("windows", u8("con.tar.gz"), "reserved-name", u8("con_.tar.gz"));
    row("windows", u8("PRN"), "reserved-name", u8("PRN_"));
    row("windows", u8("AUX.dwg"), "reserved-name", u8("AUX_.dwg"));
    row("windows", u8("NUL"), "reserved-name", u8("NUL_"));
    row("windows", u8("nul.txt"), "reserved-name", u8("nul_.txt"));
    row("windows", u8("COM1"), "reserved-name", u8("COM1_"));
    row("windows", u8("com9.log"), "reserved-name", u8("com9_.log"));
    row("windows", u8("LPT1"), "reserved-name", u8("LPT1_"));
    row("windows", u8("lpt9.pdf"), "reserved-name", u8("lpt9_.pdf"));
    row("windows", u8("COM\u00B9"), "reserved-name", u8("COM\u00B9_"));
    row("windows", u8("LPT\u00B3.txt"), "reserved-name", u8("LPT\u00B3_.txt"));
    row("windows", u8("CONIN$"), "reserved-name", u8("CONIN$_"));
    row("windows", u8("CON .txt"), "reserved-name", u8("CON_ .txt"));
    row("windows", u8("NUL."), "reserved-name", u8("NUL_\u2024"));
    row("windows", u8("COM0"), "ok", same);
    row("windows", u8("LPT10"), "ok", same);
    row("windows", u8("CONSOLE"), "ok", same);
    row("windows", u8("CON_"), "ok", same);
    row("windows", u8("xCON"), "ok", same);
    row("windows", u8("AUXILIARY.txt"), "ok", same);
    row("windows", u8("my CON.txt"), "ok", same);
    row("procore", u8("CON"), "ok", same);
    row("procore", u8("nul.txt"), "ok", same);
    row("procore", u8("COM1"), "ok", same);
    row("posix", u8("CON"), "ok", same);
    row("posix", u8("PRN.txt"), "ok", same);

    // --- Trailing whitespace and dots, whitespace around the extension's dot
    row("procore", u8("name "), "trailing-whitespace", u8("name_"));
    row("procore", u8("name   "), "trailing-whitespace", u8("name___"));
    row("procore", u8("name."), "ok", same);
    row("procore", u8("name .txt"), "whitespace-around-extension", u8("name_.txt"));
    row("procore", u8("name. txt"), "whitespace-around-extension", u8("name._txt"));
    row("procore", u8("name  .txt"), "whitespace-around-extension", u8("name__.txt"));
    row("procore", u8("name . txt"), "whitespace-around-extension", u8("name_._txt"));
    row("procore", u8("name.txt "), "trailing-whitespace", u8("name.txt_"));
    row("procore", u8(" name.txt"), "ok", same);
    row("procore", u8("name\u00A0"), "trailing-whitespace", u8("name_"));
    row("procore", u8("name\u3000"), "trailing-whitespace", u8("name_"));
    row("procore", u8("name\u2003.pdf"), "whitespace-around-extension", u8("name_.pdf"));
    row("procore", u8("a .b.txt"), "ok", same);
    row("procore", u8("a.b c.txt"), "ok", same);
    row("procore", u8("name\u200B"), "ok", same); // ZERO WIDTH SPACE is not White_Space
    row("procore", u8(" "), "trailing-whitespace", u8("_"));
    row("procore", u8("..."), "ok", same);
    row("windows", u8("name "), "trailing-whitespace", u8("name_"));
    row("windows", u8("name."), "trailing-dot", u8("name\u2024"));
    row("windows", u8("name..."), "trailing-dot", u8("name\u2024\u2024\u2024"));
    row("windows", u8("name. ."), "trailing-dot", u8("name\u2024_\u2024"));
    row("windows", u8("name .txt"), "ok", same);
    row("windows", u8(" name"), "ok", same);
    row("windows", u8("..."), "trailing-dot", u8("\u2024\u2024\u2024"));
    row("windows", u8(" "), "trailing-whitespace", u8("_"));
    row("posix", u8("name "), "ok", same);
    row("posix", u8("name."), "ok", same);
    row("posix", u8("name .txt"), "ok", same);
    row("posix", u8("..."), "ok", same);

    // --- Dot names, empty names, drive letters: never names
    for (const char *limits : {"procore", "windows", "posix"}) {
        row(limits, u8("."), "dot-name", fails);
        row(limits, u8(".."), "dot-name", fails);
        row(limits, QString(), "empty", fails);
        row(limits, u8(".hidden"), "ok", same);
        row(limits, u8("a..b"), "ok", same);
        row(limits, u8("C:"), "drive-letter", u8("C\uA789"));
        row(limits, u8("c:foo"), "drive-letter", u8("c\uA789foo"));
    }
    row("posix", u8("1:"), "ok", same);
    row("procore", u8("1:"), "invalid-char", u8("1\uA789"));

    // --- Unicode: combining characters, emoji, RTL and invisible marks, scripts, bad surrogates
    for (const char *limits : {"procore", "windows", "posix"}) {
        row(limits, u8("caf\u00E9.txt"), "ok", same); // NFC
        row(limits, u8("cafe\u0301.txt"), "ok", same); // NFD: combining acute
        row(limits, u8("\u0301"), "ok", same); // a lone combining mark
        row(limits, u8("Z\u0351\u0352\u0353\u0354\u0355\u0356algo"), "ok", same);
        row(limits, u8("\U0001F4C1 plans \U0001F3D7\uFE0F.pdf"), "ok", same); // emoji, variation selector
        row(limits, u8("\U0001F468\u200D\U0001F469\u200D\U0001F467.png"), "ok", same); // ZWJ sequence
        row(limits, u8("\u202Etxt.exe"), "ok", same); // RIGHT-TO-LEFT OVERRIDE: allowed, shown as is
        row(limits, u8("\u200Fmark\u200E.doc"), "ok", same); // RLM / LRM
        row(limits, u8("\uFEFFbom.txt"), "ok", same);
        row(limits, u8("\u0645\u062E\u0637\u0637.pdf"), "ok", same); // Arabic
        row(limits, u8("\u05EA\u05D5\u05DB\u05E0\u05D9\u05EA.dwg"), "ok", same); // Hebrew
        row(limits, u8("\u56F3\u9762.pdf"), "ok", same); // CJK
        row(limits, u8("a\uFF1Ab"), "ok", same); // FULLWIDTH COLON is a different character
        row(limits, u8("a\uA789b"), "ok", same); // an already mapped colon
        row(limits, u8("\u2024\u2024"), "ok", same); // ONE DOT LEADERs are not dots
        row(limits, QString(u'a') + QChar(0xD800) + QString(u'b'), "invalid-unicode", u8("a\uFFFDb"));
        row(limits, QString(u'a') + QChar(0xDC00), "invalid-unicode", u8("a\uFFFD"));
    }

    // --- Lengths: 255/256 per name, counted per preset (code points / UTF-16 / UTF-8 bytes)
    row("procore", a(255), "ok", same);
    row("procore", a(256), "segment-too-long", fails);
    row("windows", a(255), "ok", same);
    row("windows", a(256), "segment-too-long", fails);
    row("posix", a(255), "ok", same);
    row("posix", a(256), "segment-too-long", fails);
    row("posix", repeat(u8("\u00E9"), 127), "ok", same); // 254 bytes
    row("posix", repeat(u8("\u00E9"), 128), "segment-too-long", fails); // 256 bytes
    row("windows", repeat(u8("\u00E9"), 200), "ok", same);
    row("procore", repeat(u8("\U0001F4C1"), 128), "ok", same); // 128 code points
    row("windows", repeat(u8("\U0001F4C1"), 128), "segment-too-long", fails); // 256 UTF-16 units
    row("posix", repeat(u8("\U0001F4C1"), 63), "ok", same); // 252 bytes
    row("posix", repeat(u8("\U0001F4C1"), 64), "segment-too-long", fails); // 256 bytes
    row("windows", a(254) + QLatin1Char(':'), "invalid-char", a(254) + u8("\uA789"));
    row("windows", a(255) + QLatin1Char(' '), "trailing-whitespace", fails);
}

void TestNameRules::names()
{
    QFETCH(QString, limits);
    QFETCH(QString, name);
    QFETCH(QString, verdict);
    QFETCH(QString, mapped);
    const StoreLimits rules = preset(limits);

    const QList<NameViolation> violations = NameRules::validateName(name, rules);
    QCOMPARE(verdictOf(violations), verdict);
    for (const NameViolation &violation : violations)
        QVERIFY2(!violation.reason.isEmpty(), "every violation says why");

    const MappedName result = NameRules::map(name, rules);
    if (mapped == QLatin1String("!")) {
        QVERIFY2(!result.ok(), "this name cannot be repaired by mapping");
        return;
    }
    const QString expected = mapped == QLatin1String("=") ? name : mapped;
    QCOMPARE(result.name, expected);
    QVERIFY2(result.ok(), qPrintable(verdictOf(result.remaining)));
    QVERIFY(NameRules::validateName(result.name, rules).isEmpty());
    QCOMPARE(result.mapping.original, name);
    QCOMPARE(result.mapping.mapped, expected);
    QCOMPARE(result.mapping.isIdentity(), name == expected);
    if (!result.mapping.isIdentity())
        QVERIFY(!result.mapping.rules.isEmpty());
}

void TestNameRules::underscorePolicy_data()
{
    QTest::addColumn<QString>("limits");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("mapped");
    QTest::newRow("procore colon star") << u8("procore") << u8("a:b*c") << u8("a_b_c");
    QTest::newRow("procore all") << u8("procore") << u8("/<>:\\|?*x") << u8("________x");
    QTest::newRow("windows quote") << u8("windows") << u8("say \"hi\"") << u8("say _hi_");
    QTest::newRow("windows reserved") << u8("windows") << u8("CON") << u8("CON_");
    QTest::newRow("windows trailing dot") << u8("windows") << u8("x.") << u8("x_");
    QTest::newRow("tab") << u8("procore") << around(QChar(0x09)) << u8("a_b");
    QTest::newRow("surrogate") << u8("posix") << QString(u'a') + QChar(0xD800) << u8("a_");
    QTest::newRow("extension spaces") << u8("procore") << u8("a . b") << u8("a_._b");
}

void TestNameRules::underscorePolicy()
{
    QFETCH(QString, limits);
    QFETCH(QString, name);
    QFETCH(QString, mapped);
    const MappedName result = NameRules::map(name, preset(limits), NameRules::MapPolicy::Underscore);
    QCOMPARE(result.name, mapped);
    QVERIFY(result.ok());
    QCOMPARE(result.mapping.policy, u8("underscore"));
}

void TestNameRules::paths_data()
{
    QTest::addColumn<QString>("limits");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("verdict");
    const QString folder = u8("folder/"); // 7 characters
    QTest::newRow("procore short") << u8("procore") << u8("a/b/c.txt") << u8("ok");
    QTest::newRow("procore 255") << u8("procore") << folder + a(248) << u8("ok");
    QTest::newRow("procore 256") << u8("procore") << folder + a(249) << u8("path-too-long");
    QTest::newRow("procore 255 emoji") << u8("procore") << folder + repeat(u8("\U0001F4C1"), 248) << u8("ok");
    QTest::newRow("procore bad segment") << u8("procore") << u8("ok/ab:c") << u8("invalid-char");
    QTest::newRow("procore trailing space folder")
        << u8("procore") << u8("a /b") << u8("trailing-whitespace");
    QTest::newRow("windows 259") << u8("windows") << folder + a(252) << u8("ok");
    QTest::newRow("windows 260") << u8("windows") << folder + a(253) << u8("path-too-long");
    QTest::newRow("windows long paths 260") << u8("windows-long") << folder + a(253) << u8("ok");
    QTest::newRow("windows root 9, 250") << u8("windows-root9") << folder + a(243) << u8("ok");
    QTest::newRow("windows root 9, 251") << u8("windows-root9") << folder + a(244) << u8("path-too-long");
    QTest::newRow("windows reserved folder") << u8("windows") << u8("CON/file.txt") << u8("reserved-name");
    QTest::newRow("windows dot folder") << u8("windows") << u8("a./b") << u8("trailing-dot");
    const QString deep = repeat(a(254) + QLatin1Char('/'), 16); // 16 * 255 = 4080
    QTest::newRow("posix 4095") << u8("posix") << deep + a(15) << u8("ok");
    QTest::newRow("posix 4096") << u8("posix") << deep + a(16) << u8("path-too-long");
}

void TestNameRules::paths()
{
    QFETCH(QString, limits);
    QFETCH(QString, path);
    QFETCH(QString, verdict);
    const Result<StorePath> parsed = StorePath::fromString(path);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
    QCOMPARE(verdictOf(NameRules::validate(parsed.value(), preset(limits))), verdict);
}

void TestNameRules::untrustedNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("verdict");
    QTest::newRow("dot dot") << u8("..") << u8("dot-name");
    QTest::newRow("dot") << u8(".") << u8("dot-name");
    QTest::newRow("empty") << QString() << u8("empty");
    QTest::newRow("slash") << u8("a/b") << u8("separator");
    QTest::newRow("slash dot dot") << u8("../x") << u8("separator");
    QTest::newRow("backslash") << u8("..\\x") << u8("separator");
    QTest::newRow("leading slash") << u8("/etc") << u8("separator");
    QTest::newRow("nul") << QString(QChar(0)) << u8("control-char");
    QTest::newRow("nul inside") << u8("a.txt") + QChar(0) + u8(".exe") << u8("control-char");
    QTest::newRow("escape") << around(QChar(0x1B)) << u8("control-char");
    QTest::newRow("drive") << u8("C:") << u8("drive-letter");
    QTest::newRow("drive name") << u8("d:secret") << u8("drive-letter");
    QTest::newRow("surrogate") << QString(QChar(0xDBFF)) << u8("invalid-unicode");
    QTest::newRow("plain") << u8("report.pdf") << u8("ok");
    QTest::newRow("dots prefix") << u8("..a") << u8("ok");
    QTest::newRow("dots suffix") << u8("a..") << u8("ok");
    QTest::newRow("three dots") << u8("...") << u8("ok");
    QTest::newRow("one dot leaders") << u8("\u2024\u2024") << u8("ok");
    QTest::newRow("fullwidth dots") << u8("\uFF0E\uFF0E") << u8("ok");
    QTest::newRow("division slash") << u8("a\u2215b") << u8("ok");
    QTest::newRow("tilde") << u8("~") << u8("ok");
}

void TestNameRules::untrustedNames()
{
    QFETCH(QString, name);
    QFETCH(QString, verdict);
    const auto violation = NameRules::checkUntrustedName(name);
    QCOMPARE(violation ? NameViolation::kindName(violation->kind) : u8("ok"), verdict);
    if (violation)
        QVERIFY(!violation->reason.isEmpty());
    // A StorePath child with an untrusted name exists only if the check passed.
    const Result<StorePath> child = StorePath::fromString(u8("dest")).value().child(name);
    QCOMPARE(child.ok(), !violation.has_value());
    if (!child.ok()) {
        QCOMPARE(child.error().kind(), Error::Kind::InvalidName);
        QVERIFY(!child.error().message().isEmpty());
    } else {
        QCOMPARE(child.value().depth(), 2);
        QCOMPARE(child.value().parent().toString(), u8("dest"));
    }
}

void TestNameRules::untrustedPaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("verdict");
    QTest::newRow("root") << QString() << u8("ok");
    QTest::newRow("one") << u8("a") << u8("ok");
    QTest::newRow("three") << u8("a/b/c.txt") << u8("ok");
    QTest::newRow("absolute") << u8("/a") << u8("absolute");
    QTest::newRow("slash") << u8("/") << u8("absolute");
    QTest::newRow("etc passwd") << u8("/etc/passwd") << u8("absolute");
    QTest::newRow("backslash absolute") << u8("\\a") << u8("absolute");
    QTest::newRow("unc") << u8("\\\\server\\share") << u8("absolute");
    QTest::newRow("unc slashes") << u8("//server/share") << u8("absolute");
    QTest::newRow("drive path") << u8("C:/x") << u8("drive-letter");
    QTest::newRow("drive only") << u8("c:") << u8("drive-letter");
    QTest::newRow("drive backslash") << u8("C:\\Windows") << u8("drive-letter");
    QTest::newRow("backslash separator") << u8("a\\b") << u8("separator");
    QTest::newRow("backslash dotdot") << u8("a\\..\\..\\b") << u8("separator");
    QTest::newRow("double slash") << u8("a//b") << u8("empty");
    QTest::newRow("trailing slash") << u8("a/") << u8("empty");
    QTest::newRow("dot first") << u8("./a") << u8("dot-name");
    QTest::newRow("dot middle") << u8("a/./b") << u8("dot-name");
    QTest::newRow("dotdot first") << u8("../a") << u8("dot-name");
    QTest::newRow("dotdot escape") << u8("a/../../etc/passwd") << u8("dot-name");
    QTest::newRow("dotdot only") << u8("..") << u8("dot-name");
    QTest::newRow("dotdot last") << u8("a/..") << u8("dot-name");
    QTest::newRow("nul") << u8("a/") + QChar(0) + u8("b") << u8("control-char");
    QTest::newRow("newline") << u8("a/b\nc") << u8("control-char");
    QTest::newRow("surrogate") << u8("a/") + QChar(0xD800) << u8("invalid-unicode");
    QTest::newRow("later drive") << u8("a/C:") << u8("drive-letter");
    QTest::newRow("tilde") << u8("~/x") << u8("ok");
    QTest::newRow("dollar") << u8("$HOME/x") << u8("ok");
    QTest::newRow("three dots") << u8("a/.../b") << u8("ok");
    QTest::newRow("percent dots") << u8("%2e%2e/x") << u8("ok");
    QTest::newRow("space folder") << u8(" /x") << u8("ok");
}

void TestNameRules::untrustedPaths()
{
    QFETCH(QString, path);
    QFETCH(QString, verdict);
    const Result<StorePath> parsed = StorePath::fromString(path);
    if (verdict == QLatin1String("ok")) {
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        QCOMPARE(parsed.value().toString(), path);
        for (const QString &segment : parsed.value().segments())
            QVERIFY(segment != QLatin1String("..") && !segment.isEmpty());
        return;
    }
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind(), Error::Kind::InvalidName);
    QVERIFY(!parsed.error().message().isEmpty());
    const auto violation = NameRules::checkUntrustedPath(path);
    QVERIFY(violation.has_value());
    QCOMPARE(NameViolation::kindName(violation->kind), verdict);
}

void TestNameRules::collisions()
{
    const QStringList names{u8("Plan.pdf"),   u8("plan.PDF"), u8("caf\u00E9"),
                            u8("cafe\u0301"), u8("other"),    u8("PLAN.pdf")};
    // Procore: case-insensitive and NFC (assumed): two groups.
    const QList<QStringList> procore = NameRules::detectCollisions(names, StoreLimits::procoreDocuments());
    QCOMPARE(procore.size(), 2);
    QCOMPARE(procore.at(0), (QStringList{u8("Plan.pdf"), u8("plan.PDF"), u8("PLAN.pdf")}));
    QCOMPARE(procore.at(1), (QStringList{u8("caf\u00E9"), u8("cafe\u0301")}));
    // Windows: case-insensitive, keeps code points: only the case group.
    const QList<QStringList> windows = NameRules::detectCollisions(names, StoreLimits::windows());
    QCOMPARE(windows.size(), 1);
    QCOMPARE(windows.at(0).size(), 3);
    // POSIX: every name is its own.
    QVERIFY(NameRules::detectCollisions(names, StoreLimits::posix()).isEmpty());
    // Simple case folding, like NTFS's upcase table: "\u00DF" is not "SS", but "\u0130"/"i\u0307" differ too.
    QVERIFY(
        NameRules::detectCollisions({u8("STRASSE"), u8("stra\u00DFe")}, StoreLimits::windows()).isEmpty());
    QCOMPARE(NameRules::detectCollisions({u8("\u00C9t\u00E9"), u8("\u00E9T\u00C9")}, StoreLimits::windows())
                 .size(),
             1);
    QVERIFY(NameRules::detectCollisions({}, StoreLimits::windows()).isEmpty());
    const QString reason = NameRules::collisionReason(procore.at(0), StoreLimits::procoreDocuments());
    QVERIFY(reason.contains(u8("Plan.pdf")) && reason.contains(u8("plan.PDF")));
}

void TestNameRules::mappingRecordRoundTrip()
{
    const MappedName result = NameRules::map(u8("Plan: A?.pdf "), StoreLimits::procoreDocuments());
    QCOMPARE(result.name, u8("Plan\uA789 A\uFF1F.pdf_"));
    QCOMPARE(result.mapping.rules, (QStringList{u8("invalid-char"), u8("trailing-whitespace")}));
    const QString record = result.mapping.toRecord();
    const auto back = NameMapping::fromRecord(record);
    QVERIFY(back.has_value());
    QCOMPARE(back->original, u8("Plan: A?.pdf "));
    QCOMPARE(back->mapped, result.name);
    QCOMPARE(back->policy, u8("lookalike"));
    QCOMPARE(back->rules, result.mapping.rules);
    QVERIFY(!NameMapping::fromRecord(u8("not json")).has_value());
    QVERIFY(!NameMapping::fromRecord(u8("{\"v\":2}")).has_value());
}

void TestNameRules::lookalikesReverse()
{
    // Character replacements of the Lookalike table are reversible character by character.
    for (const QString &original : {u8("a:b<c>d\"e/f\\g|h?i*j"), around(QChar(0x09)), around(QChar(0x7F))}) {
        const MappedName result = NameRules::map(original, StoreLimits::windows());
        QVERIFY(result.ok());
        QVERIFY(result.name != original);
        QCOMPARE(NameRules::unmapLookalikes(result.name), original);
    }
    QCOMPARE(NameRules::unmapLookalikes(u8("name\u2024")), u8("name."));
}

void TestNameRules::measure()
{
    const QString text = u8("a\u00E9\U0001F4C1");
    QCOMPARE(NameRules::measure(text, StoreLimits::LengthUnit::Utf16CodeUnits), 4);
    QCOMPARE(NameRules::measure(text, StoreLimits::LengthUnit::CodePoints), 3);
    QCOMPARE(NameRules::measure(text, StoreLimits::LengthUnit::Utf8Bytes), 7);
}

QTEST_GUILESS_MAIN(TestNameRules)
#include "tst_namerules.moc"
