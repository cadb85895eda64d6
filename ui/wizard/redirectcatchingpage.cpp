#include "ui/wizard/redirectcatchingpage.h"

namespace trestle {

RedirectCatchingPage::RedirectCatchingPage(QWebEngineProfile *profile, Matcher isRedirect, QObject *parent)
    : QWebEnginePage(profile, parent), m_isRedirect(std::move(isRedirect))
{ }

RedirectCatchingPage::~RedirectCatchingPage() = default;

bool RedirectCatchingPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (m_isRedirect && m_isRedirect(url)) {
        // Reported once: the code in it is single-use; a second copy would only fail.
        if (isMainFrame && !m_caught) {
            m_caught = true;
            Q_EMIT redirectCaught(url);
        }
        return false;
    }
    return QWebEnginePage::acceptNavigationRequest(url, type, isMainFrame);
}

} // namespace trestle
