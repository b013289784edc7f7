#pragma once

#include <QList>
#include <QString>
#include <QWidget>

// Finding the widgets a person would reach, for the widget tests: by the name a screen reader
// reads, and in Tab order.

template<typename T>
T *byAccessibleName(const QWidget *root, const QString &name)
{
    const QList<T *> widgets = root->findChildren<T *>();
    for (T *widget : widgets) {
        if (widget->accessibleName() == name)
            return widget;
    }
    return nullptr;
}

// The next widget Tab reaches: the focus chain without the widgets Tab skips.
inline QWidget *nextTabStop(const QWidget *widget)
{
    QWidget *next = widget->nextInFocusChain();
    while (next != widget && !(next->focusPolicy() & Qt::TabFocus))
        next = next->nextInFocusChain();
    return next;
}
