// ProcorePathCache::clash(): the sibling Procore would treat as the same name (case-insensitive,
// exact match first). clash() looks names up in an index of each known folder's children by
// ProcorePathCache::clashKey(); these cases check that the index follows every put, listing,
// rename, move and forget, and that the key tells the same names apart as
// QString::compare(Qt::CaseInsensitive), which clash() used to scan the folder with. No sandbox.
#include "core/store/procorecache.h"

#include <QElapsedTimer>
#include <QTest>

using namespace trestle;

namespace {

StorePath pathOf(const QString &text)
{
    return StorePath::fromString(text).value();
}

ProcoreNode nodeAt(const QString &path, qint64 id, Entry::Kind kind = Entry::Kind::File)
{
    ProcoreNode node;
    node.id = id;
    node.entry.path = pathOf(path);
    node.entry.name = node.entry.path.name();
    node.entry.kind = kind;
    node.entry.backendId = QString::number(id);
    return node;
}

// The id of what clash() finds for `path`, 0 for nothing.
qint64 clashId(const ProcorePathCache &cache, const QString &path)
{
    const std::optional<ProcoreNode> found = cache.clash(pathOf(path));
    return found ? found->id : 0;
}

// One code point as a string (QString::fromUcs4 would take a leading U+FEFF for a byte order mark).
QString codePoint(char32_t cp)
{
    if (QChar::requiresSurrogates(cp)) {
        const QChar pair[2] = {QChar(QChar::highSurrogate(cp)), QChar(QChar::lowSurrogate(cp))};
        return QString(pair, 2);
    }
    return QString(QChar(char16_t(cp)));
}

} // namespace

class TestProcoreCacheClash final : public QObject
{
    Q_OBJECT

private slots:
    void caseVariantsOfAListedName();
    void exactMatchFirstThenListingOrder();
    void unknownFolderHasNoClash();
    void clashAfterPut();
    void clashAfterRemove();
    void clashAfterRenameOfAFile();
    void clashAfterMoveOfAFolder();
    void clashAfterRelistAndForgetListing();
    void clashKeyAgreesWithCaseInsensitiveCompare();
    void uploadsIntoOneBigFolder();
};

void TestProcoreCacheClash::caseVariantsOfAListedName()
{
    ProcorePathCache cache;
    cache.setChildren(
        pathOf(QStringLiteral("Docs")),
        {nodeAt(QStringLiteral("Docs/Report.PDF"), 11), nodeAt(QStringLiteral("Docs/Ärger.txt"), 12),
         nodeAt(QStringLiteral("Docs/ΣΊΣΥΦΟΣ.txt"), 13), nodeAt(QStringLiteral("Docs/Straße.txt"), 14)});

    QCOMPARE(clashId(cache, QStringLiteral("Docs/Report.PDF")), 11);
    QCOMPARE(clashId(cache, QStringLiteral("Docs/report.pdf")), 11);
    QCOMPARE(clashId(cache, QStringLiteral("Docs/REPORT.PDF")), 11);
    QCOMPARE(clashId(cache, QStringLiteral("Docs/äRGER.TXT")), 12);
    // Final sigma folds like the others.
    QCOMPARE(clashId(cache, QStringLiteral("Docs/σίσυφος.txt")), 13);
    // Simple case folding only, as QString::compare: "ß" is not "SS".
    QCOMPARE(clashId(cache, QStringLiteral("Docs/STRASSE.txt")), 0);
    QCOMPARE(clashId(cache, QStringLiteral("Docs/straße.TXT")), 14);
    QCOMPARE(clashId(cache, QStringLiteral("Docs/Report.pdf.txt")), 0);
    QCOMPARE(clashId(cache, QStringLiteral("Docs/Repor.PDF")), 0);
    // Another folder's child is no sibling.
    QCOMPARE(clashId(cache, QStringLiteral("Docs/Sub/report.pdf")), 0);
}

void TestProcoreCacheClash::exactMatchFirstThenListingOrder()
{
    ProcorePathCache cache;
    // Two case variants both listed (another store or an older rule made them).
    cache.setChildren(pathOf(QStringLiteral("Docs")),
                      {nodeAt(QStringLiteral("Docs/a.txt"), 21), nodeAt(QStringLiteral("Docs/A.txt"), 22)});
    QCOMPARE(clashId(cache, QStringLiteral("Docs/A.txt")), 22); // exact match first
    QCOMPARE(clashId(cache, QStringLiteral("Docs/a.txt")), 21);
    QCOMPARE(clashId(cache, QStringLiteral("Docs/a.TXT")), 21); // else the first in listing order

    cache.setChildren(pathOf(QStringLiteral("Docs")),
                      {nodeAt(QStringLiteral("Docs/A.txt"), 22), nodeAt(QStringLiteral("Docs/a.txt"), 21)});
    QCOMPARE(clashId(cache, QStringLiteral("Docs/a.TXT")), 22);
}

void TestProcoreCacheClash::unknownFolderHasNoClash()
{
    ProcorePathCache cache;
    cache.put(nodeAt(QStringLiteral("Docs/Report.pdf"), 31));
    // The parent's children are not known: only the exact path answers.
    QCOMPARE(clashId(cache, QStringLiteral("Docs/Report.pdf")), 31);
    QCOMPARE(clashId(cache, QStringLiteral("Docs/report.pdf")), 0);
    cache.setEmpty(pathOf(QStringLiteral("Empty")));
    QCOMPARE(clashId(cache, QStringLiteral("Empty/x.txt")), 0);
}

void TestProcoreCacheClash::clashAfterPut()
{
    ProcorePathCache cache;
    cache.setEmpty(pathOf(QStringLiteral("New")));
    cache.put(nodeAt(QStringLiteral("New/Plan.DWG"), 41));
    QCOMPARE(clashId(cache, QStringLiteral("New/plan.dwg")), 41);
    // Put again (a new version, same id): still one child, still found.
    cache.put(nodeAt(QStringLiteral("New/Plan.DWG"), 41));
    QCOMPARE(cache.children(pathOf(QStringLiteral("New"))).size(), 1);
    QCOMPARE(clashId(cache, QStringLiteral("New/PLAN.dwg")), 41);
    // Replaced by another item at the same path.
    cache.put(nodeAt(QStringLiteral("New/Plan.DWG"), 42));
    QCOMPARE(cache.children(pathOf(QStringLiteral("New"))).size(), 1);
    QCOMPARE(clashId(cache, QStringLiteral("New/PLAN.dwg")), 42);
}

void TestProcoreCacheClash::clashAfterRemove()
{
    ProcorePathCache cache;
    cache.setChildren(pathOf(QStringLiteral("Docs")),
                      {nodeAt(QStringLiteral("Docs/a.txt"), 51), nodeAt(QStringLiteral("Docs/A.TXT"), 52),
                       nodeAt(QStringLiteral("Docs/b.txt"), 53)});
    cache.forget(pathOf(QStringLiteral("Docs/a.txt")));
    QCOMPARE(clashId(cache, QStringLiteral("Docs/a.txt")), 52); // the other variant is left
    cache.forget(pathOf(QStringLiteral("Docs/A.TXT")));
    QCOMPARE(clashId(cache, QStringLiteral("Docs/a.txt")), 0);
    QCOMPARE(clashId(cache, QStringLiteral("Docs/B.TXT")), 53);
    // Forgetting something that is not there changes nothing.
    cache.forget(pathOf(QStringLiteral("Docs/c.txt")));
    QCOMPARE(clashId(cache, QStringLiteral("Docs/B.TXT")), 53);
    QCOMPARE(cache.children(pathOf(QStringLiteral("Docs"))).size(), 1);
    // Put back after the forget: found again.
    cache.put(nodeAt(QStringLiteral("Docs/a.txt"), 54));
    QCOMPARE(clashId(cache, QStringLiteral("Docs/A.txt")), 54);
}

void TestProcoreCacheClash::clashAfterRenameOfAFile()
{
    ProcorePathCache cache;
    cache.setChildren(
        pathOf(QStringLiteral("Docs")),
        {nodeAt(QStringLiteral("Docs/Draft.docx"), 61), nodeAt(QStringLiteral("Docs/Other.docx"), 62)});
    cache.move(pathOf(QStringLiteral("Docs/Draft.docx")), nodeAt(QStringLiteral("Docs/Final.docx"), 61));
    QCOMPARE(clashId(cache, QStringLiteral("Docs/draft.docx")), 0);
    QCOMPARE(clashId(cache, QStringLiteral("Docs/FINAL.DOCX")), 61);
    QCOMPARE(cache.clash(pathOf(QStringLiteral("Docs/final.docx")))->entry.path,
             pathOf(QStringLiteral("Docs/Final.docx")));
    // A rename that only changes the case.
    cache.move(pathOf(QStringLiteral("Docs/Final.docx")), nodeAt(QStringLiteral("Docs/FINAL.docx"), 61));
    QCOMPARE(cache.children(pathOf(QStringLiteral("Docs"))).size(), 2);
    QCOMPARE(cache.clash(pathOf(QStringLiteral("Docs/final.docx")))->entry.path,
             pathOf(QStringLiteral("Docs/FINAL.docx")));
    // Moved to another known folder: gone here, found there.
    cache.setEmpty(pathOf(QStringLiteral("Archive")));
    cache.move(pathOf(QStringLiteral("Docs/FINAL.docx")), nodeAt(QStringLiteral("Archive/FINAL.docx"), 61));
    QCOMPARE(clashId(cache, QStringLiteral("Docs/final.docx")), 0);
    QCOMPARE(clashId(cache, QStringLiteral("Archive/final.DOCX")), 61);
    QCOMPARE(clashId(cache, QStringLiteral("Docs/other.docx")), 62);
}

void TestProcoreCacheClash::clashAfterMoveOfAFolder()
{
    ProcorePathCache cache;
    cache.setChildren(StorePath::root(), {nodeAt(QStringLiteral("Drawings"), 71, Entry::Kind::Folder)});
    cache.setChildren(pathOf(QStringLiteral("Drawings")),
                      {nodeAt(QStringLiteral("Drawings/Level 1.pdf"), 72),
                       nodeAt(QStringLiteral("Drawings/Level 2.pdf"), 73)});
    cache.move(pathOf(QStringLiteral("Drawings")), nodeAt(QStringLiteral("Plans"), 71, Entry::Kind::Folder));
    QCOMPARE(clashId(cache, QStringLiteral("drawings")), 0);
    QCOMPARE(clashId(cache, QStringLiteral("PLANS")), 71);
    QCOMPARE(clashId(cache, QStringLiteral("Drawings/level 1.pdf")), 0);
    // What was known below the folder is known, by case-folded name, under its new path.
    QCOMPARE(clashId(cache, QStringLiteral("Plans/LEVEL 1.PDF")), 72);
    QCOMPARE(clashId(cache, QStringLiteral("Plans/level 2.pdf")), 73);
    cache.forget(pathOf(QStringLiteral("Plans/Level 2.pdf")));
    QCOMPARE(clashId(cache, QStringLiteral("Plans/level 2.pdf")), 0);
}

void TestProcoreCacheClash::clashAfterRelistAndForgetListing()
{
    ProcorePathCache cache;
    const StorePath docs = pathOf(QStringLiteral("Docs"));
    cache.setChildren(
        docs, {nodeAt(QStringLiteral("Docs/Old.txt"), 81), nodeAt(QStringLiteral("Docs/Kept.txt"), 82)});
    const quint64 asked = cache.stamp();
    cache.put(nodeAt(QStringLiteral("Docs/Fresh.txt"), 83)); // put while the listing was on its way
    // The listing: Old.txt gone (deleted elsewhere), Kept.txt there, New.txt made elsewhere.
    cache.setChildren(
        docs, {nodeAt(QStringLiteral("Docs/Kept.txt"), 82), nodeAt(QStringLiteral("Docs/New.txt"), 84)},
        asked);
    QCOMPARE(clashId(cache, QStringLiteral("Docs/old.txt")), 0);
    QCOMPARE(clashId(cache, QStringLiteral("Docs/KEPT.txt")), 82);
    QCOMPARE(clashId(cache, QStringLiteral("Docs/new.TXT")), 84);
    QCOMPARE(clashId(cache, QStringLiteral("Docs/fresh.txt")), 83);

    cache.forgetListing(pathOf(QStringLiteral("Docs/Kept.txt")));
    QVERIFY(!cache.childrenKnown(docs));
    QCOMPARE(clashId(cache, QStringLiteral("Docs/kept.txt")), 0);
    cache.clear();
    QCOMPARE(clashId(cache, QStringLiteral("Docs/KEPT.txt")), 0);
}

void TestProcoreCacheClash::clashKeyAgreesWithCaseInsensitiveCompare()
{
    // Every code point: its key is one code point that compares equal to it and is its own key, and
    // whatever compares equal to it among its upper, lower and title case has the same key.
    int checked = 0;
    for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        const QString text = codePoint(cp);
        const QString key = ProcorePathCache::clashKey(text);
        if (key.toUcs4().size() != 1 || text.compare(key, Qt::CaseInsensitive) != 0
            || ProcorePathCache::clashKey(key) != key)
            QFAIL(qPrintable(
                QStringLiteral("U+%1 folds to \"%2\"").arg(uint(cp), 4, 16, QLatin1Char('0')).arg(key)));
        for (const char32_t other : {QChar::toUpper(cp), QChar::toLower(cp), QChar::toTitleCase(cp)}) {
            const QString otherText = codePoint(other);
            const bool equal = text.compare(otherText, Qt::CaseInsensitive) == 0;
            if (equal != (ProcorePathCache::clashKey(otherText) == key))
                QFAIL(
                    qPrintable(QStringLiteral("U+%1 and U+%2").arg(uint(cp), 4, 16).arg(uint(other), 4, 16)));
        }
        ++checked;
    }
    QCOMPARE(checked, 0x110000 - 0x800);
}

void TestProcoreCacheClash::uploadsIntoOneBigFolder()
{
    // The engine's pattern when it uploads N files into one folder: clash() then put() per file.
    // Asserts what clash() finds; prints the time (quadratic before the index: a scan per file).
    const int count = qEnvironmentVariableIntValue("TRESTLE_CLASH_COUNT") > 0
        ? qEnvironmentVariableIntValue("TRESTLE_CLASH_COUNT")
        : 10000;
    ProcorePathCache cache;
    const StorePath folder = pathOf(QStringLiteral("Uploads"));
    cache.setEmpty(folder);
    QElapsedTimer timer;
    timer.start();
    int clashes = 0;
    for (int i = 0; i < count; ++i) {
        const QString name = QStringLiteral("File-%1.txt").arg(i, 5, 10, QLatin1Char('0'));
        if (cache.clash(folder.child(name).value()))
            ++clashes;
        ProcoreNode node = nodeAt(QStringLiteral("Uploads/") + name, 100000 + i);
        cache.put(node);
    }
    const qint64 uploadMs = timer.restart();
    // Every name again in another case: each clashes with its file.
    for (int i = 0; i < count; ++i) {
        const QString name = QStringLiteral("file-%1.TXT").arg(i, 5, 10, QLatin1Char('0'));
        if (cache.clash(folder.child(name).value()))
            ++clashes;
    }
    const qint64 lookupMs = timer.elapsed();
    QCOMPARE(clashes, count);
    QCOMPARE(cache.children(folder).size(), count);
    qInfo("%d uploads into one folder (clash + put each): %lld ms; %d case-variant clash() calls: %lld ms",
          count, uploadMs, count, lookupMs);
}

QTEST_GUILESS_MAIN(TestProcoreCacheClash)
#include "tst_procorecacheclash.moc"
