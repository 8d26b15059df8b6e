#pragma once

#include "brokerurl.h"
#include "clioptions.h"

#include <QList>
#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace mqtt::cli {

// Every option of mqtt-inspector-cli in one table: its names, whether it takes a value,
// which commands accept it, its --help line and the handler that applies it to CliOptions.
// CliOptions::parse builds the parser, the per-command accept rules and the help from it,
// so adding an option is one row here.
class CliOptionTable
{
public:
    enum CommandBits : unsigned {
        Sub = 1,
        Record = 2,
        Pub = 4,
        Replay = 8,
        SubRecord = Sub | Record,
        All = Sub | Record | Pub | Replay,
    };

    // What a handler sees besides its option's value.
    struct State
    {
        const QCommandLineParser &parser;
        BrokerUrl url; // set by -L
        bool hostAfterUrl = false;
        bool portAfterUrl = false;

        bool isSet(const char *name) const;
        QString value(const char *name) const;
    };
    // Applies one value (flags get an empty one); false after CliOptions::fail().
    using Handler = bool (*)(CliOptions &options, State &state, const QString &value);

    struct Option
    {
        Option(const char *names, const char *valueName, unsigned commands,
               const char *onlyWith, const char *help, bool repeatable, Handler apply);
        QString flag() const; // first name with its dashes: "-t", "--json"

        QStringList names;     // short name first when there is one
        const char *valueName; // nullptr: a flag without a value
        unsigned commands;     // CommandBits accepting it
        const char *onlyWith;  // for the error when given to another command
        const char *help;
        bool repeatable;       // handler called once per occurrence (-t, -T)
        Handler apply;         // nullptr: handled by CliOptions::parse itself
    };

    // In the order handlers run, which is the order values are checked in.
    static const QList<Option> &options();
    static unsigned commandBit(CliOptions::Command command);
    // The --help lines of the options taken by exactly `commands`.
    static QString optionHelp(unsigned commands);
    static QString flagName(const QString &name);
    static bool parseInteger(const QString &text, qint64 min, qint64 max, qint64 *out);
};

} // namespace mqtt::cli
