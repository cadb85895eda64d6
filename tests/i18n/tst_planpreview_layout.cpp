// The plan preview's list of skipped and renamed items, in German (the longest of the languages)
// and, as tst_planpreview_layout_200, at QT_SCALE_FACTOR=2: the Item column takes the width the
// dialog has (it was fixed at 16 em, which cut every real path), long paths are shortened in the
// middle so the file name stays visible, the full path is the cell's tooltip, and the What column
// ("Übersprungen", "Umbenannt in …") is never cut. Grabs <lang>-planpreview[-200].png.
#include "core/common/translations.h"
#include "ui/jobs/planpreviewdialog.h"

#include "testoutput.h"
#include "truncationfinder.h"

#include <QApplication>
#include <QHeaderView>
#include <QScrollBar>
#include <QTest>
#include <QTreeWidget>

using namespace trestle;

namespace {

const QString kShortPath = QStringLiteral("RFIs/RFI-014 Slab edge detail.pdf");
const QString kLongPath =
    QStringLiteral("Specifications/Division 03 – Concrete/03 30 00 Cast-in-Place Concrete/Submittals/"
                   "Mix designs/Revision 4/03 30 00-004 Mix design C30-37 pump, approved with comments.pdf");

} // namespace

class TestPlanPreviewLayout final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void itemColumnUsesTheWidth_data();
    void itemColumnUsesTheWidth();

private:
    QString m_language;
};

void TestPlanPreviewLayout::initTestCase()
{
    m_language = qEnvironmentVariable("TRESTLE_SCREENS_LANGUAGE", QStringLiteral("de"));
    installTranslations(m_language);
    QVERIFY(m_language == QLatin1String("en")
            || QCoreApplication::translate("trestle::PlanPreviewDialog", "Skipped")
                != QLatin1String("Skipped"));
}

void TestPlanPreviewLayout::cleanupTestCase()
{
    installTranslations(QStringLiteral("en"));
}

void TestPlanPreviewLayout::itemColumnUsesTheWidth_data()
{
    QTest::addColumn<bool>("withRename");
    // Only skips: the What column is as narrow as "Übersprungen" allows (it was cut by a pixel).
    QTest::newRow("skips") << false;
    QTest::newRow("skips and a rename") << true;
}

void TestPlanPreviewLayout::itemColumnUsesTheWidth()
{
    QFETCH(bool, withRename);
    PlanSummary summary;
    summary.filesNew = 40;
    summary.skipped = 2;
    summary.skips = {{kShortPath, QStringLiteral("excluded by the filter *.tmp")},
                     {kLongPath, QStringLiteral("the name is longer than Procore accepts")}};
    JobItem renamed;
    renamed.sourcePath = QStringLiteral("Photos/2026-11-02 Level 3: pour.jpg");
    renamed.mappedName = QStringLiteral("2026-11-02 Level 3_ pour.jpg");
    PlanPreviewDialog dialog(QStringLiteral("Copy RFIs to Bauvorhaben Nordpark"), summary,
                             withRename ? QVector<JobItem>{renamed} : QVector<JobItem>{});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QApplication::processEvents();

    auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("skipList"));
    QVERIFY(list);
    QCOMPARE(list->topLevelItemCount(), withRename ? 3 : 2);
    const QHeaderView *header = list->header();
    const int viewport = list->viewport()->width();

    // The columns fill the list exactly: no horizontal scrolling, no empty strip on the right.
    QVERIFY2(!list->horizontalScrollBar()->isVisible(), "the list scrolls sideways");
    const int total = header->sectionSize(0) + header->sectionSize(1) + header->sectionSize(2);
    QVERIFY2(qAbs(total - viewport) <= 2, qPrintable(QStringLiteral("%1 of %2").arg(total).arg(viewport)));
    // The Item column gets the most room, far more than the old 16 em.
    const int em = list->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    QVERIFY2(header->sectionSize(0) > header->sectionSize(2) && header->sectionSize(0) > em * 16,
             qPrintable(QStringLiteral("item %1, why %2, 16 em %3")
                            .arg(header->sectionSize(0))
                            .arg(header->sectionSize(2))
                            .arg(em * 16)));

    // Long paths keep their file name (shortened in the middle); the tooltip has all of it.
    QCOMPARE(list->textElideMode(), Qt::ElideMiddle);
    for (int row = 0; row < list->topLevelItemCount(); ++row) {
        const QTreeWidgetItem *item = list->topLevelItem(row);
        QCOMPARE(item->toolTip(0), item->text(0));
    }

    // A short path, the What of a skipped item and the column titles are shown whole (the old
    // layout cut the first two in German). Long paths, rename targets and reasons may be elided:
    // their tooltips have them whole.
    const QString skipped = QCoreApplication::translate("trestle::PlanPreviewDialog", "Skipped");
    QStringList unexpected;
    for (const QString &finding : testing::findTruncatedTexts(&dialog)) {
        if (finding.contains(kShortPath) || finding.contains(QLatin1Char('"') + skipped + QLatin1Char('"'))
            || finding.startsWith(QLatin1String("QHeaderView")))
            unexpected.append(finding);
    }
    // At the dialog's size the Item column is the widest by far.
    QVERIFY2(header->sectionSize(0) * 5 >= viewport * 2,
             qPrintable(QStringLiteral("item %1 of %2").arg(header->sectionSize(0)).arg(viewport)));
    const QString suffix =
        qEnvironmentVariable("QT_SCALE_FACTOR") == QLatin1String("2") ? QStringLiteral("-200") : QString();
    const QString path = QStringLiteral("%1/%2-planpreview%3%4.png")
                             .arg(testing::testOutputDir(), m_language,
                                  withRename ? QString() : QStringLiteral("-skips"), suffix);
    QVERIFY(dialog.grab().save(path));
    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestPlanPreviewLayout)
#include "tst_planpreview_layout.moc"
