#pragma once

#include "domain/KeyError.h"

#include <QCoreApplication>
#include <QSet>
#include <QString>

namespace keydesk {

// Stops a paged listing that would not end, or not fit: a marker or token the server gave
// before (a loop), more than kMaxPages pages, a page with more items than were asked for, more
// than kMaxItems items in all. A hostile or broken server otherwise keeps the console paging
// forever, or hands it a page that takes the window minutes to go through.
class PageGuard
{
    Q_DECLARE_TR_FUNCTIONS(PageGuard)

public:
    static constexpr int kMaxPages = 1000;
    static constexpr qsizetype kMaxItems = 100000;

    explicit PageGuard(qsizetype maxItemsPerPage)
        : m_maxPerPage(qMax<qsizetype>(1, maxItemsPerPage))
    { }

    int pages() const { return m_pages; }

    // Before a page's items are read: an error when the page holds more than were asked for,
    // or the listing more than kMaxItems.
    KeyError acceptItems(qsizetype items)
    {
        if (items > m_maxPerPage)
            return KeyError::make(KeyError::Kind::TooLarge,
                                  tr("A page of the list holds %1 items, more than the %2 asked "
                                     "for: the answer was refused.")
                                      .arg(items)
                                      .arg(m_maxPerPage));
        m_items += items;
        if (m_items > kMaxItems)
            return KeyError::make(
                KeyError::Kind::TooLarge,
                tr("The list holds more than %1 items: it was stopped there.").arg(kMaxItems));
        return {};
    }

    // After a page, with the marker (token) that asks for the next one; empty on the last
    // page. An error when the listing must stop.
    KeyError acceptNext(const QString &next)
    {
        ++m_pages;
        if (next.isEmpty())
            return {};
        if (m_markers.contains(next))
            return KeyError::make(KeyError::Kind::BadResponse,
                                  tr("The server gave a page marker it had given before: the "
                                     "list would never end, so it was stopped."));
        if (m_pages >= kMaxPages)
            return KeyError::make(
                KeyError::Kind::TooLarge,
                tr("The list has more than %1 pages: it was stopped there.").arg(kMaxPages));
        m_markers.insert(next);
        return {};
    }

private:
    QSet<QString> m_markers;
    qsizetype m_maxPerPage;
    qsizetype m_items = 0;
    int m_pages = 0;
};

} // namespace keydesk
