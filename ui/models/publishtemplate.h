#pragma once

#include "codec/properties.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// A saved message of the publish composer: where it is filed (group, name) and everything the
// composer sends (topic, payload bytes, QoS, retain, the MQTT 5 PUBLISH properties) plus how
// the composer shows it (editor mode, correlation data as hex or text). A value type; the
// TemplateStore keeps them. toJson()/fromJson() are the per-template part of the file format
// described in docs/publish-templates.md.
struct PublishTemplate
{
    Q_DECLARE_TR_FUNCTIONS(PublishTemplate)
public:
    // The composer's payload editor modes, in PublishPanel::Mode order.
    enum class EditorMode { Auto, Text, Json, Xml, Hex };

    QString name;
    QString group;
    QString topic;
    QByteArray payload;
    int qos = 0;
    bool retain = false;
    EditorMode mode = EditorMode::Auto;

    // MQTT 5.0 properties; an empty optional is not sent.
    std::optional<QString> contentType;
    std::optional<quint8> payloadFormatIndicator;
    std::optional<quint32> messageExpiryInterval;
    std::optional<QString> responseTopic;
    std::optional<QByteArray> correlationData;
    bool correlationHex = false; // shown as hex bytes in the composer
    QList<mqtt::UserProperty> userProperties; // wire order, repeats kept

    mqtt::Properties properties() const;
    void setProperties(const mqtt::Properties &properties);

    // The payload as the editor will hold it: bytes that are not text force Hex, since a text
    // editor would change them.
    EditorMode effectiveMode() const;

    static QString modeName(EditorMode mode);
    static std::optional<EditorMode> modeFromName(const QString &name);

    // Text payloads are written as "payload", anything else as "payloadBase64"; the same for
    // correlation data. fromJson() gives nullopt and *error naming the field on a bad value.
    QJsonObject toJson() const;
    static std::optional<PublishTemplate> fromJson(const QJsonObject &object, QString *error);

    bool operator==(const PublishTemplate &other) const;
    bool operator!=(const PublishTemplate &other) const { return !(*this == other); }
};
