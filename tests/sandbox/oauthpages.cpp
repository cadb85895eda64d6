#include "oauthpages.h"

namespace sandbox::oauthpages {

namespace {
QString page(const QString &title, const QString &content)
{
    return QStringLiteral(
               "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
               "<title>%1</title>\n<style>\n"
               "body{font-family:sans-serif;max-width:26rem;margin:3rem auto;padding:0 "
               "1rem;line-height:1.5}\n"
               "label{display:block;margin-top:1rem}input{width:100%;padding:.4rem;box-sizing:border-box}\n"
               "button{margin-top:1.5rem;padding:.5rem 1.5rem}\n"
               ".error{color:#a00;font-weight:bold}.hint{color:#444;font-size:.9rem}\n"
               "code{font-size:1.2rem;background:#eee;padding:.2rem .4rem}\n"
               "</style>\n</head>\n<body>\n<main>\n%2</main>\n</body>\n</html>\n")
        .arg(title.toHtmlEscaped(), content);
}

QString hidden(const QString &name, const QString &value)
{
    return QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"%2\">\n")
        .arg(name, value.toHtmlEscaped());
}
} // namespace

QByteArray loginPage(const AuthorizeRequest &request, const QString &error, const QString &demoHint)
{
    QString content = QStringLiteral("<h1>Sign in to Procore (sandbox)</h1>\n");
    if (!error.isEmpty())
        content += QStringLiteral("<p id=\"error\" class=\"error\" role=\"alert\">%1</p>\n")
                       .arg(error.toHtmlEscaped());
    content += QStringLiteral("<form method=\"post\" action=\"/oauth/authorize\">\n");
    content += hidden(QStringLiteral("client_id"), request.clientId);
    content += hidden(QStringLiteral("redirect_uri"), request.redirectUri);
    content += hidden(QStringLiteral("response_type"), request.responseType);
    if (request.state)
        content += hidden(QStringLiteral("state"), *request.state);
    content += QStringLiteral(
        "<label for=\"login\">Email</label>\n"
        "<input id=\"login\" name=\"login\" type=\"email\" autocomplete=\"username\" required autofocus>\n"
        "<label for=\"password\">Password</label>\n"
        "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" "
        "required>\n"
        "<button id=\"submit\" type=\"submit\">Sign in</button>\n</form>\n");
    if (!demoHint.isEmpty())
        content +=
            QStringLiteral("<p id=\"demo-hint\" class=\"hint\">%1</p>\n").arg(demoHint.toHtmlEscaped());
    return page(QStringLiteral("Sign in"), content).toUtf8();
}

QByteArray codePage(const QString &code)
{
    const QString content = QStringLiteral("<h1>Authorization code</h1>\n"
                                           "<p>Copy this code and paste it into the application:</p>\n"
                                           "<p><code id=\"code\">%1</code></p>\n")
                                .arg(code.toHtmlEscaped());
    return page(QStringLiteral("Authorization code"), content).toUtf8();
}

QByteArray errorPage(const QString &message)
{
    const QString content = QStringLiteral("<h1>Authorization error</h1>\n<p id=\"error\" class=\"error\" "
                                           "role=\"alert\">%1</p>\n")
                                .arg(message.toHtmlEscaped());
    return page(QStringLiteral("Authorization error"), content).toUtf8();
}

} // namespace sandbox::oauthpages
