#pragma once

#include <QWebEnginePage>

#include <functional>

namespace trestle {

// The embedded browser's page for the OAuth sign-in. It asks, for every navigation of the main
// frame (links, form posts and server redirects alike; Qt 6.4 reports the latter as
// NavigationTypeRedirect), whether the target is the registered redirect URI; that navigation is
// refused (it would go to http://localhost, where nothing listens) and reported instead.
class RedirectCatchingPage final : public QWebEnginePage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedirectCatchingPage)

public:
    using Matcher = std::function<bool(const QUrl &)>;

    RedirectCatchingPage(QWebEngineProfile *profile, Matcher isRedirect, QObject *parent = nullptr);
    ~RedirectCatchingPage() override;

    // Reports the next redirect again (a new sign-in attempt after a failed one).
    void rearm() { m_caught = false; }

Q_SIGNALS:
    void redirectCaught(const QUrl &url);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;

private:
    Matcher m_isRedirect;
    bool m_caught = false;
};

} // namespace trestle
