// The "demo" seed of DocumentsSeeder: a realistic building project (split from
// documentsseeder.cpp to keep files short).
#include "documents/documentsseeder.h"

#include "documents/documentsmodel.h"

namespace sandbox {

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}

constexpr qint64 KB = 1024;
constexpr qint64 MB = 1024 * 1024;

// Per project index (0: hospital expansion, 1: school renovation, 2: office tower).
int floorsFor(int index)
{
    static const int floors[] = {3, 2, 12};
    return floors[index % 3];
}

QString levelName(int level)
{
    return QStringLiteral("Level %1").arg(level);
}
} // namespace

void DocumentsSeeder::seedDemo()
{
    const int index = m_projectIndex % 3;
    const qint64 contracts = folder(m_root, s("01 Contracts"));
    const qint64 drawings = folder(m_root, s("02 Drawings"));
    const qint64 specs = folder(m_root, s("03 Specifications"));
    const qint64 submittals = folder(m_root, s("04 Submittals"));
    const qint64 rfis = folder(m_root, s("05 RFIs"));
    const qint64 photos = folder(m_root, s("06 Photos"));
    const qint64 closeout = folder(m_root, s("07 Closeout"));

    // 01 Contracts
    file(contracts, s("Prime Contract - Owner Agreement AIA A101.pdf"), versions(300 * KB, 900 * KB, 2));
    file(contracts, s("General Conditions AIA A201.pdf"), {sized(400 * KB, 1 * MB)});
    file(contracts, s("Schedule of Values.xlsx"), versions(40 * KB, 120 * KB, 3));
    file(contracts, s("Baseline Schedule.pdf"), {sized(200 * KB, 800 * KB)});
    const QStringList subs{s("Apex Concrete"),      s("Summit Steel Erectors"), s("BlueLine Mechanical"),
                           s("Brightway Electric"), s("ClearFlow Plumbing"),    s("Keystone Drywall")};
    const qint64 subcontracts = folder(contracts, s("Subcontracts"));
    for (const QString &sub : subs)
        file(subcontracts, QStringLiteral("Subcontract - %1.pdf").arg(sub), {sized(150 * KB, 600 * KB)});
    const qint64 insurance = folder(contracts, s("Insurance Certificates"));
    for (const QString &sub : subs)
        file(insurance, QStringLiteral("COI - %1 2026.pdf").arg(sub), {sized(60 * KB, 200 * KB)});

    demoDrawings(drawings);
    demoSpecifications(specs);

    // 04 Submittals
    const QStringList submittalNames{s("033000-01 Concrete Mix Design"),
                                     s("033000-02 Reinforcing Shop Drawings"),
                                     s("051200-01 Structural Steel Shop Drawings"),
                                     s("055000-01 Metal Fabrications"),
                                     s("072100-01 Thermal Insulation"),
                                     s("075400-01 TPO Roofing System"),
                                     s("081113-01 Hollow Metal Doors and Frames"),
                                     s("087100-01 Door Hardware"),
                                     s("088000-01 Glazing"),
                                     s("092900-01 Gypsum Board"),
                                     s("095113-01 Acoustical Panel Ceilings"),
                                     s("096513-01 Resilient Base"),
                                     s("099123-01 Interior Painting"),
                                     s("220500-01 Plumbing Fixtures"),
                                     s("233113-01 Metal Ducts"),
                                     s("237313-01 Air Handling Units"),
                                     s("260519-01 Building Wire and Cable"),
                                     s("262416-01 Panelboards"),
                                     s("265100-01 Interior Lighting"),
                                     s("283100-01 Fire Alarm")};
    for (int i = 0; i < submittalNames.size() - index * 3; ++i) {
        const int revisions = chance(20) ? 2 : 1;
        file(submittals, QStringLiteral("Submittal %1.pdf").arg(submittalNames.at(i)),
             versions(80 * KB, 800 * KB, revisions));
    }

    // 05 RFIs
    const QStringList subjects{s("Door hardware at Level 2"),
                               s("Footing depth at grid C-4"),
                               s("Conflict between duct and beam at Level 3"),
                               s("Ceiling height in corridor 210"),
                               s("Roof drain locations"),
                               s("Slab edge detail at curtain wall"),
                               s("Electrical room door swing"),
                               s("Fire damper access panels"),
                               s("Stair handrail extension"),
                               s("Window sill height at classrooms"),
                               s("Sprinkler head spacing in lobby"),
                               s("Embed plates at canopy"),
                               s("Finish schedule discrepancy"),
                               s("Elevator pit waterproofing"),
                               s("Generator pad dimensions")};
    static const int rfiCounts[] = {30, 22, 45};
    for (int i = 1; i <= rfiCounts[index]; ++i) {
        const QString subject = subjects.at((i + 3 + index) % subjects.size());
        const int revisions = i % 6 == 0 ? 2 : 1; // the response attached as a new version
        file(rfis, QStringLiteral("RFI-%1 %2.pdf").arg(i, 3, 10, QLatin1Char('0')).arg(subject),
             versions(50 * KB, 600 * KB, revisions));
    }

    // 06 Photos: one folder per site walk, JPGs of 150–600 KB
    static const int walks[] = {8, 7, 10};
    int photoNumber = 4100 + index * 1000;
    for (int walk = 0; walk < walks[index]; ++walk) {
        const QDate day = QDate(2026, 3, 2).addDays(walk * 14 + index);
        const qint64 walkFolder =
            folder(photos, day.toString(QStringLiteral("yyyy-MM-dd")) + s(" Site Walk"));
        const int count = int(sized(6, 11));
        for (int i = 0; i < count; ++i)
            file(walkFolder, QStringLiteral("IMG_%1.jpg").arg(++photoNumber), {sized(150 * KB, 600 * KB)});
    }

    // 07 Closeout
    const qint64 manuals = folder(closeout, s("O&M Manuals"));
    for (const char *system : {"HVAC", "Plumbing", "Electrical", "Elevators", "Roofing"})
        file(manuals, QStringLiteral("O&M Manual - %1.pdf").arg(s(system)), {sized(800 * KB, 2 * MB)});
    const qint64 warranties = folder(closeout, s("Warranties"));
    for (const char *item : {"Roofing 20-Year", "Windows 10-Year", "Mechanical Equipment"})
        file(warranties, QStringLiteral("Warranty - %1.pdf").arg(s(item)), {sized(80 * KB, 300 * KB)});
    folder(closeout, s("As-Builts")); // empty on purpose: clients must show empty folders
    file(closeout, s("Punch List.xlsx"), versions(30 * KB, 90 * KB, 4));
    file(closeout, s("Certificate of Substantial Completion.pdf"), {sized(100 * KB, 250 * KB)});
}

void DocumentsSeeder::demoDrawings(qint64 drawings)
{
    const int index = m_projectIndex % 3;
    const int floors = floorsFor(index);
    int sheet = 0;
    // Every fifth sheet went through 2–4 revisions.
    auto sheetFile = [&](qint64 parent, const QString &name) {
        ++sheet;
        const int revisions = sheet % 5 == 0 ? 2 + int(sized(0, 2)) : 1;
        file(parent, name + s(".pdf"), versions(80 * KB, 400 * KB, revisions));
    };

    const qint64 arch = folder(drawings, s("Architectural"));
    sheetFile(arch, s("A-001 Cover Sheet"));
    sheetFile(arch, s("A-002 Code Analysis"));
    for (int level = 1; level <= floors; ++level)
        sheetFile(
            arch,
            QStringLiteral("A-1%1 Floor Plan %2").arg(level, 2, 10, QLatin1Char('0')).arg(levelName(level)));
    for (int level = 1; level <= floors; ++level)
        sheetFile(arch,
                  QStringLiteral("A-1%1 Reflected Ceiling Plan %2").arg(50 + level).arg(levelName(level)));
    sheetFile(arch, s("A-201 Exterior Elevations North and South"));
    sheetFile(arch, s("A-202 Exterior Elevations East and West"));
    sheetFile(arch, s("A-301 Building Sections"));
    sheetFile(arch, s("A-401 Wall Sections"));
    sheetFile(arch, s("A-501 Details"));
    sheetFile(arch, s("A-601 Door Schedule"));
    sheetFile(arch, s("A-602 Finish Schedule"));

    const qint64 structural = folder(drawings, s("Structural"));
    sheetFile(structural, s("S-001 General Notes"));
    sheetFile(structural, s("S-101 Foundation Plan"));
    for (int level = 2; level <= floors + 1; ++level)
        sheetFile(structural,
                  QStringLiteral("S-1%1 Framing Plan %2")
                      .arg(level, 2, 10, QLatin1Char('0'))
                      .arg(level == floors + 1 ? s("Roof") : levelName(level)));
    sheetFile(structural, s("S-301 Sections"));
    sheetFile(structural, s("S-501 Details"));

    const qint64 mechanical = folder(drawings, s("Mechanical"));
    sheetFile(mechanical, s("M-001 Legend and Notes"));
    for (int level = 1; level <= floors; ++level)
        sheetFile(
            mechanical,
            QStringLiteral("M-1%1 HVAC Plan %2").arg(level, 2, 10, QLatin1Char('0')).arg(levelName(level)));
    sheetFile(mechanical, s("M-401 Schedules"));
    sheetFile(mechanical, s("M-501 Details"));

    const qint64 electrical = folder(drawings, s("Electrical"));
    sheetFile(electrical, s("E-001 Legend and Notes"));
    for (int level = 1; level <= floors; ++level)
        sheetFile(electrical,
                  QStringLiteral("E-1%1 Lighting Plan %2")
                      .arg(level, 2, 10, QLatin1Char('0'))
                      .arg(levelName(level)));
    for (int level = 1; level <= floors; ++level)
        sheetFile(
            electrical,
            QStringLiteral("E-2%1 Power Plan %2").arg(level, 2, 10, QLatin1Char('0')).arg(levelName(level)));
    sheetFile(electrical, s("E-601 One-Line Diagram"));
    sheetFile(electrical, s("E-701 Panel Schedules"));

    const qint64 plumbing = folder(drawings, s("Plumbing"));
    sheetFile(plumbing, s("P-001 Legend and Notes"));
    for (int level = 1; level <= floors; ++level)
        sheetFile(plumbing,
                  QStringLiteral("P-1%1 Plumbing Plan %2")
                      .arg(level, 2, 10, QLatin1Char('0'))
                      .arg(levelName(level)));
    sheetFile(plumbing, s("P-401 Riser Diagrams"));

    // Each project differs a little: a renovation has demolition sheets, a tower has civil ones.
    if (index == 1) {
        const qint64 demolition = folder(drawings, s("Demolition"));
        for (int level = 1; level <= floors; ++level)
            sheetFile(demolition,
                      QStringLiteral("D-1%1 Demolition Plan %2")
                          .arg(level, 2, 10, QLatin1Char('0'))
                          .arg(levelName(level)));
    } else if (index == 2) {
        const qint64 civil = folder(drawings, s("Civil"));
        for (const char *name : {"C-101 Site Plan", "C-201 Grading Plan", "C-301 Utility Plan"})
            sheetFile(civil, s(name));
    }

    const qint64 cad = folder(drawings, s("CAD"));
    for (const char *name : {"Architectural Background.dwg", "Structural Model.dwg", "Site Survey.dwg"})
        file(cad, s(name), {sized(800 * KB, 2 * MB)});
    file(cad, s("Drawing Log.xlsx"), versions(20 * KB, 60 * KB, 3));
}

void DocumentsSeeder::demoSpecifications(qint64 specs)
{
    struct Division
    {
        const char *name;
        QList<const char *> sections;
    };
    const QList<Division> divisions{
        {"Division 01 - General Requirements",
         {"011000 Summary", "012500 Substitution Procedures", "013300 Submittal Procedures",
          "017700 Closeout Procedures"}},
        {"Division 03 - Concrete", {"033000 Cast-in-Place Concrete", "033543 Polished Concrete Finishing"}},
        {"Division 04 - Masonry", {"042000 Unit Masonry"}},
        {"Division 05 - Metals",
         {"051200 Structural Steel Framing", "055000 Metal Fabrications", "055213 Pipe and Tube Railings"}},
        {"Division 07 - Thermal and Moisture Protection",
         {"072100 Thermal Insulation", "075400 Thermoplastic Membrane Roofing", "079200 Joint Sealants"}},
        {"Division 08 - Openings",
         {"081113 Hollow Metal Doors and Frames", "087100 Door Hardware", "088000 Glazing"}},
        {"Division 09 - Finishes",
         {"092900 Gypsum Board", "093000 Tiling", "095113 Acoustical Panel Ceilings",
          "099123 Interior Painting"}},
        {"Division 22 - Plumbing", {"220500 Common Work Results for Plumbing", "224000 Plumbing Fixtures"}},
        {"Division 23 - HVAC",
         {"230593 Testing Adjusting and Balancing", "233113 Metal Ducts", "237313 Air Handling Units"}},
        {"Division 26 - Electrical",
         {"260519 Low-Voltage Electrical Conductors", "262416 Panelboards", "265100 Interior Lighting"}},
    };
    const int index = m_projectIndex % 3;
    for (int d = 0; d < divisions.size(); ++d) {
        if (index == 1 && d == 2) // the renovation has no new masonry
            continue;
        const qint64 division = folder(specs, s(divisions.at(d).name));
        for (const char *section : divisions.at(d).sections)
            file(division, s(section) + s(".pdf"), versions(40 * KB, 400 * KB, chance(10) ? 2 : 1));
    }
    file(specs, s("Project Manual Table of Contents.pdf"), {sized(50 * KB, 150 * KB)});
}

} // namespace sandbox
