#include "net/TlsWarmUp.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QThreadPool>

#include <mutex>

namespace keydesk {

void warmUpTls()
{
    static std::once_flag once;
    std::call_once(once, [] {
        QThreadPool::globalInstance()->start([] {
            if (QSslSocket::supportsSsl())
                QSslConfiguration::defaultConfiguration();
        });
    });
}

} // namespace keydesk
