// A static library needs one source of its own; the catalogues themselves are resources that
// qt_add_translations attaches (see CMakeLists.txt). Nothing here is called.
namespace trestle {
int translationsAnchor()
{
    return 0;
}
} // namespace trestle
