#include "topicnode.h"

#include <QVarLengthArray>

QString TopicNode::topic() const
{
    // Topic nodes carry the name whole in their last message: no need to walk up.
    if (isTopic())
        return last.topic();
    QVarLengthArray<const TopicNode *, 16> levels;
    qsizetype size = -1;
    for (const TopicNode *n = this; n->parent; n = n->parent) {
        levels.append(n);
        size += n->name.size() + 1;
    }
    QString result;
    result.reserve(qMax<qsizetype>(size, 0));
    for (qsizetype i = levels.size() - 1; i >= 0; --i) {
        result += levels[i]->name;
        if (i > 0)
            result += QLatin1Char('/');
    }
    return result;
}
