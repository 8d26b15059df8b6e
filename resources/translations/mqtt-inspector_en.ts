<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ConnectionDialog</name>
    <message numerus="yes">
        <source>%n profile(s) imported.</source>
        <translation>
            <numerusform>%n profile imported.</numerusform>
            <numerusform>%n profiles imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionActions</name>
    <message numerus="yes">
        <source>%Ln line(s) of %1 could not be read and skipped; the other %2 events were loaded.

First: %3</source>
        <translation>
            <numerusform>%Ln line of %1 could not be read and was skipped; the other %2 events were loaded.

First: %3</numerusform>
            <numerusform>%Ln lines of %1 could not be read and were skipped; the other %2 events were loaded.

First: %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TopicTree</name>
    <message numerus="yes">
        <source>%n retained message(s) could not be deleted. First failure: %1</source>
        <translation>
            <numerusform>%n retained message could not be deleted. First failure: %1</numerusform>
            <numerusform>%n retained messages could not be deleted. First failure: %1</numerusform>
        </translation>
    </message>
</context>
</TS>
