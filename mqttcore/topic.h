#pragma once

#include <QString>
#include <QStringView>

namespace mqtt {

// Topic names and filters (MQTT 3.1.1 / 5.0 §4.7, shared subscriptions 5.0 §4.8.2).
//
// The validate*() functions return an empty string when the input is valid, otherwise a
// one-line description naming the rule and its normative statement ID (3.1.1 and 5.0 number
// some of them differently, so both are given where they differ).

// A topic name as used in PUBLISH: non-empty, no wildcard, no U+0000, well-formed UTF-16
// (so it encodes to well-formed UTF-8), at most 65535 UTF-8 bytes.
QString validateTopicName(QStringView topic);

// A subscription filter: the rules above except that '+' and '#' are allowed when they
// take up a whole level and '#' is last. A "$share/<name>/<filter>" filter additionally follows
// the shared-subscription rules [MQTT-4.8.2-1/2].
QString validateTopicFilter(QStringView filter);

// Same checks as the validate*() functions without building a message: for hot paths.
bool isValidTopicName(QStringView topic);
bool isValidTopicFilter(QStringView filter);

// paho's topic_matches_sub with validation first: an invalid filter or topic never matches
// (paho would compare it literally, libmosquitto returns INVAL; see semantics reference §4).
// The '$' rule applies: a filter starting with a wildcard never matches a '$' topic
// [MQTT-4.7.2-1]. A "$share/..." prefix is NOT stripped here, as in both libraries.
bool topicMatchesSub(QStringView filter, QStringView topic);

// True when the filter starts with "$share/" (whether or not the rest is valid).
bool isSharedSubscription(QStringView filter);

// Splits "$share/<shareName>/<filter>". Returns an empty string on success and fills the two
// out parameters (either may be null); returns an error description for a filter that starts
// with "$share/" but breaks [MQTT-4.8.2-1] (share name at least one character),
// [MQTT-4.8.2-2] (no '/', '+', '#' in it) or carries an invalid or missing filter; and
// "not a shared subscription" for anything else.
QString parseSharedSubscription(QStringView filter, QStringView *shareName,
                                QStringView *innerFilter);

// The filter a subscription matches topics with: the part after "$share/<name>/" for a valid
// shared subscription, the filter itself otherwise. Returns a view into `filter`.
QStringView routingFilter(QStringView filter);

} // namespace mqtt
