<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>&amp;Copy Version Information</source>
        <translation>复制版本信息(&amp;C)</translation>
    </message>
    <message>
        <source>About MQTT Inspector</source>
        <translation>关于 MQTT Inspector</translation>
    </message>
    <message>
        <source>&lt;h2&gt;MQTT Inspector %1&lt;/h2&gt;&lt;p&gt;A desktop inspector for MQTT 3.1.1 and 5.0 brokers:&lt;br&gt;topic tree, messages, publishing and session files.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;MQTT Inspector %1&lt;/h2&gt;&lt;p&gt;用于 MQTT 3.1.1 和 5.0 服务器的桌面调试工具：&lt;br&gt;主题树、消息、发布和会话文件。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>MQTT Inspector:</source>
        <translation>MQTT Inspector：</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt：</translation>
    </message>
    <message>
        <source>QScintilla:</source>
        <translation>QScintilla：</translation>
    </message>
    <message>
        <source>OpenSSL:</source>
        <translation>OpenSSL：</translation>
    </message>
    <message>
        <source>System:</source>
        <translation>系统：</translation>
    </message>
    <message>
        <source>Copy these versions to the clipboard, for a bug report</source>
        <translation>将这些版本信息复制到剪贴板，用于报告问题</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1（构建时使用 %2）</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>Disconnected</source>
        <translation>已断开连接</translation>
    </message>
    <message>
        <source>the broker sent DISCONNECT: %1</source>
        <translation>服务器发送了 DISCONNECT：%1</translation>
    </message>
    <message>
        <source>Disconnected (rc %1): %2</source>
        <translation>已断开连接（rc %1）：%2</translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation>连接中断：%1</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <source>Subscribed (mid %1): %2</source>
        <translation>已订阅（mid %1）：%2</translation>
    </message>
    <message>
        <source>%1; reconnecting in %2 s</source>
        <translation>%1；%2 秒后重连</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Connecting to %1 as %2</source>
        <translation>正在以 %2 连接 %1</translation>
    </message>
    <message>
        <source>the filter is empty</source>
        <translation>主题过滤器为空</translation>
    </message>
    <message>
        <source>a pane for %1 is open already</source>
        <translation>%1 的窗格已打开</translation>
    </message>
    <message>
        <source>Connection refused: %1</source>
        <translation>连接被拒绝：%1</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <source>Connected: %1 (session present)</source>
        <translation>已连接：%1（会话已存在）</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>已连接：%1</translation>
    </message>
    <message>
        <source>Connected (MQTT %1): %2</source>
        <translation>已连接（MQTT %1）：%2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>原因：%1</translation>
    </message>
</context>
<context>
    <name>ConnectionDiagnosis</name>
    <message>
        <source>%1 Try: %2</source>
        <translation>%1建议：%2</translation>
    </message>
    <message>
        <source>The broker does not speak this MQTT version.</source>
        <translation>服务器不支持此 MQTT 版本。</translation>
    </message>
    <message>
        <source>connect with another protocol version (MQTT 3.1.1 or 5.0), or upgrade the broker.</source>
        <translation>改用其他协议版本（MQTT 3.1.1 或 5.0）连接，或升级服务器。</translation>
    </message>
    <message>
        <source>The broker rejected the client ID (too long, bad characters, or empty without a clean session).</source>
        <translation>服务器拒绝了客户端 ID（太长、含非法字符，或在未清除会话时为空）。</translation>
    </message>
    <message>
        <source>use a short ID of letters and digits, or let the inspector generate one.</source>
        <translation>使用由字母和数字组成的短 ID，或由本工具自动生成。</translation>
    </message>
    <message>
        <source>The broker is up but its MQTT service is unavailable right now.</source>
        <translation>服务器在运行，但其 MQTT 服务暂时不可用。</translation>
    </message>
    <message>
        <source>wait and reconnect; check the broker&apos;s log if it persists.</source>
        <translation>稍后重连；如果问题持续，请查看服务器日志。</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>check the credentials in the connection settings.</source>
        <translation>检查连接设置中的用户名和密码。</translation>
    </message>
    <message>
        <source>The broker does not allow this client to connect (no or wrong credentials, or an ACL/authentication plugin said no).</source>
        <translation>服务器不允许此客户端连接（未提供或提供了错误的凭据，或被 ACL/认证插件拒绝）。</translation>
    </message>
    <message>
        <source>enter a user name and password the broker accepts, or ask its administrator for access.</source>
        <translation>输入服务器接受的用户名和密码，或向其管理员申请访问权限。</translation>
    </message>
    <message>
        <source>The broker refused with code %1, which MQTT 3.1.1 does not define.</source>
        <translation>服务器以代码 %1 拒绝连接，MQTT 3.1.1 未定义该代码。</translation>
    </message>
    <message>
        <source>check the broker&apos;s log; try MQTT 5.0 for a reason code with a name.</source>
        <translation>查看服务器日志；改用 MQTT 5.0 可获得带名称的原因码。</translation>
    </message>
    <message>
        <source>The broker refused without saying why (Unspecified error).</source>
        <translation>服务器拒绝连接但未说明原因（Unspecified error）。</translation>
    </message>
    <message>
        <source>look at the broker&apos;s log for this client ID.</source>
        <translation>在服务器日志中查找此客户端 ID。</translation>
    </message>
    <message>
        <source>The broker could not parse our CONNECT (Malformed Packet).</source>
        <translation>服务器无法解析我们的 CONNECT 报文（Malformed Packet）。</translation>
    </message>
    <message>
        <source>report it with the packet log (a bug in the client or the broker).</source>
        <translation>附上报文日志报告此问题（客户端或服务器存在缺陷）。</translation>
    </message>
    <message>
        <source>The broker saw a protocol error in our CONNECT.</source>
        <translation>服务器在我们的 CONNECT 报文中发现协议错误。</translation>
    </message>
    <message>
        <source>check the connection&apos;s MQTT 5 properties; report it with the packet log.</source>
        <translation>检查连接的 MQTT 5 属性；附上报文日志报告此问题。</translation>
    </message>
    <message>
        <source>The broker&apos;s own rules refused the connection (Implementation specific error).</source>
        <translation>服务器自身的规则拒绝了连接（Implementation specific error）。</translation>
    </message>
    <message>
        <source>read the Reason String or the broker&apos;s log.</source>
        <translation>查看原因字符串（Reason String）或服务器日志。</translation>
    </message>
    <message>
        <source>The broker does not support MQTT 5.0.</source>
        <translation>服务器不支持 MQTT 5.0。</translation>
    </message>
    <message>
        <source>connect with MQTT 3.1.1.</source>
        <translation>改用 MQTT 3.1.1 连接。</translation>
    </message>
    <message>
        <source>The broker does not accept this client ID.</source>
        <translation>服务器不接受此客户端 ID。</translation>
    </message>
    <message>
        <source>This client is not authorized to connect.</source>
        <translation>此客户端无权连接。</translation>
    </message>
    <message>
        <source>use credentials (or a client certificate) the broker accepts, or ask its administrator for access.</source>
        <translation>使用服务器接受的凭据（或客户端证书），或向其管理员申请访问权限。</translation>
    </message>
    <message>
        <source>The broker is unavailable right now.</source>
        <translation>服务器暂时不可用。</translation>
    </message>
    <message>
        <source>wait and reconnect.</source>
        <translation>稍后重连。</translation>
    </message>
    <message>
        <source>The broker is too busy to take the connection.</source>
        <translation>服务器太忙，无法接受连接。</translation>
    </message>
    <message>
        <source>wait and reconnect; lower the reconnect rate of other clients.</source>
        <translation>稍后重连；降低其他客户端的重连频率。</translation>
    </message>
    <message>
        <source>This client is banned by the broker.</source>
        <translation>此客户端已被服务器禁止。</translation>
    </message>
    <message>
        <source>ask the broker&apos;s administrator.</source>
        <translation>请联系服务器管理员。</translation>
    </message>
    <message>
        <source>The broker does not support the authentication method we asked for.</source>
        <translation>服务器不支持我们请求的认证方法。</translation>
    </message>
    <message>
        <source>remove the Authentication Method or pick one the broker supports.</source>
        <translation>去掉认证方法（Authentication Method），或选择服务器支持的方法。</translation>
    </message>
    <message>
        <source>The will topic is not a valid topic for this broker.</source>
        <translation>遗嘱主题对此服务器无效。</translation>
    </message>
    <message>
        <source>fix the will topic (no wildcards, within the broker&apos;s rules).</source>
        <translation>修改遗嘱主题（不含通配符，并符合服务器的规则）。</translation>
    </message>
    <message>
        <source>Our CONNECT is larger than the broker accepts (a large will payload?).</source>
        <translation>我们的 CONNECT 报文超过了服务器允许的大小（遗嘱负载过大？）。</translation>
    </message>
    <message>
        <source>shorten the will message or the user properties.</source>
        <translation>缩短遗嘱消息或用户属性。</translation>
    </message>
    <message>
        <source>A quota of the broker is exceeded (connections, sessions).</source>
        <translation>超出了服务器的配额（连接数、会话数）。</translation>
    </message>
    <message>
        <source>close other connections or ask for a higher quota.</source>
        <translation>关闭其他连接，或申请更高的配额。</translation>
    </message>
    <message>
        <source>The will payload does not match its Payload Format Indicator (not UTF-8).</source>
        <translation>遗嘱负载与其负载格式指示（Payload Format Indicator）不符（不是 UTF-8）。</translation>
    </message>
    <message>
        <source>clear the indicator or send UTF-8 text.</source>
        <translation>清除该指示，或发送 UTF-8 文本。</translation>
    </message>
    <message>
        <source>The broker does not support retained messages, and the will is retained.</source>
        <translation>服务器不支持保留消息，而遗嘱消息设置了保留。</translation>
    </message>
    <message>
        <source>turn off Retain on the will.</source>
        <translation>关闭遗嘱消息的保留标志。</translation>
    </message>
    <message>
        <source>The broker does not support the will&apos;s QoS.</source>
        <translation>服务器不支持遗嘱消息的 QoS。</translation>
    </message>
    <message>
        <source>lower the will&apos;s QoS.</source>
        <translation>降低遗嘱消息的 QoS。</translation>
    </message>
    <message>
        <source>The broker asks this client to use another server for now.</source>
        <translation>服务器要求此客户端暂时改用其他服务器。</translation>
    </message>
    <message>
        <source>connect to the server in the Server Reference.</source>
        <translation>连接服务器引用（Server Reference）中给出的服务器。</translation>
    </message>
    <message>
        <source>The broker has moved for good.</source>
        <translation>服务器已永久迁移。</translation>
    </message>
    <message>
        <source>connect to the server in the Server Reference and update the profile.</source>
        <translation>连接服务器引用（Server Reference）中给出的服务器，并更新连接配置。</translation>
    </message>
    <message>
        <source>This client connects too often: the broker&apos;s connection rate limit.</source>
        <translation>此客户端连接过于频繁：触发了服务器的连接速率限制。</translation>
    </message>
    <message>
        <source>wait before reconnecting; raise the reconnect delay.</source>
        <translation>稍等再重连；增大重连间隔。</translation>
    </message>
    <message>
        <source>The broker refused with 0x%1, which MQTT 5.0 does not define for CONNACK.</source>
        <translation>服务器以 0x%1 拒绝连接，MQTT 5.0 未为 CONNACK 定义该原因码。</translation>
    </message>
    <message>
        <source>check the broker&apos;s log.</source>
        <translation>查看服务器日志。</translation>
    </message>
    <message>
        <source>The broker refused with reason code %1.</source>
        <translation>服务器以原因码 %1 拒绝连接。</translation>
    </message>
    <message>
        <source>(no Server Reference was sent)</source>
        <translation>（未发送服务器引用）</translation>
    </message>
    <message>
        <source>The broker closed the connection normally.</source>
        <translation>服务器正常关闭了连接。</translation>
    </message>
    <message>
        <source>The broker closed the connection without saying why.</source>
        <translation>服务器关闭了连接，但未说明原因。</translation>
    </message>
    <message>
        <source>look at the broker&apos;s log.</source>
        <translation>查看服务器日志。</translation>
    </message>
    <message>
        <source>The broker could not parse a packet we sent (Malformed Packet).</source>
        <translation>服务器无法解析我们发送的报文（Malformed Packet）。</translation>
    </message>
    <message>
        <source>report it with the packet log.</source>
        <translation>附上报文日志报告此问题。</translation>
    </message>
    <message>
        <source>The broker saw a protocol error in what we sent.</source>
        <translation>服务器在我们发送的内容中发现协议错误。</translation>
    </message>
    <message>
        <source>The broker&apos;s own rules closed the connection.</source>
        <translation>服务器自身的规则关闭了连接。</translation>
    </message>
    <message>
        <source>This client is no longer authorized (an ACL or credentials changed).</source>
        <translation>此客户端已不再被授权（ACL 或凭据已变更）。</translation>
    </message>
    <message>
        <source>check the credentials and the broker&apos;s access rules.</source>
        <translation>检查凭据和服务器的访问规则。</translation>
    </message>
    <message>
        <source>The broker is too busy.</source>
        <translation>服务器太忙。</translation>
    </message>
    <message>
        <source>reconnect later.</source>
        <translation>稍后重连。</translation>
    </message>
    <message>
        <source>The broker is shutting down.</source>
        <translation>服务器正在关闭。</translation>
    </message>
    <message>
        <source>reconnect when it is back.</source>
        <translation>待服务器恢复后重连。</translation>
    </message>
    <message>
        <source>The broker heard nothing from us within the keep alive time.</source>
        <translation>服务器在保活时间内没有收到我们的任何报文。</translation>
    </message>
    <message>
        <source>check the network; a longer keep alive helps on slow links.</source>
        <translation>检查网络；在慢速链路上可以加长保活时间。</translation>
    </message>
    <message>
        <source>Another client connected with the same client ID and took the session over.</source>
        <translation>另一个客户端使用相同的客户端 ID 连接，接管了会话。</translation>
    </message>
    <message>
        <source>give each client its own ID (or let the inspector generate one).</source>
        <translation>为每个客户端使用不同的 ID（或由本工具自动生成）。</translation>
    </message>
    <message>
        <source>A topic filter we subscribed to is not allowed by the broker.</source>
        <translation>服务器不允许我们订阅的主题过滤器。</translation>
    </message>
    <message>
        <source>fix the filter of the last subscription.</source>
        <translation>修改最近一次订阅的主题过滤器。</translation>
    </message>
    <message>
        <source>A topic we published to is not allowed by the broker.</source>
        <translation>服务器不允许我们发布到的主题。</translation>
    </message>
    <message>
        <source>fix the topic of the last message.</source>
        <translation>修改最近一条消息的主题。</translation>
    </message>
    <message>
        <source>We had more QoS 1/2 messages in flight than the broker&apos;s Receive Maximum.</source>
        <translation>我们未确认的 QoS 1/2 消息超过了服务器的接收最大值（Receive Maximum）。</translation>
    </message>
    <message>
        <source>A topic alias we sent was invalid.</source>
        <translation>我们发送的主题别名无效。</translation>
    </message>
    <message>
        <source>A packet we sent is larger than the broker&apos;s Maximum Packet Size.</source>
        <translation>我们发送的报文超过了服务器的最大报文长度（Maximum Packet Size）。</translation>
    </message>
    <message>
        <source>send a smaller payload.</source>
        <translation>发送更小的负载。</translation>
    </message>
    <message>
        <source>We published faster than the broker allows.</source>
        <translation>我们的发布速率超过了服务器的限制。</translation>
    </message>
    <message>
        <source>publish more slowly.</source>
        <translation>降低发布速率。</translation>
    </message>
    <message>
        <source>A quota of the broker is exceeded.</source>
        <translation>超出了服务器的配额。</translation>
    </message>
    <message>
        <source>ask for a higher quota.</source>
        <translation>申请更高的配额。</translation>
    </message>
    <message>
        <source>An administrator closed the connection.</source>
        <translation>管理员关闭了连接。</translation>
    </message>
    <message>
        <source>A payload did not match its Payload Format Indicator (not UTF-8).</source>
        <translation>负载与其负载格式指示（Payload Format Indicator）不符（不是 UTF-8）。</translation>
    </message>
    <message>
        <source>The broker does not support retained messages.</source>
        <translation>服务器不支持保留消息。</translation>
    </message>
    <message>
        <source>publish without Retain.</source>
        <translation>发布时不设置保留标志。</translation>
    </message>
    <message>
        <source>We used a QoS above the broker&apos;s Maximum QoS.</source>
        <translation>我们使用的 QoS 高于服务器的最大 QoS（Maximum QoS）。</translation>
    </message>
    <message>
        <source>publish with a lower QoS.</source>
        <translation>使用更低的 QoS 发布。</translation>
    </message>
    <message>
        <source>The broker asks this client to use another server: %1.</source>
        <translation>服务器要求此客户端改用其他服务器：%1。</translation>
    </message>
    <message>
        <source>connect to that server.</source>
        <translation>连接该服务器。</translation>
    </message>
    <message>
        <source>The broker has moved to %1.</source>
        <translation>服务器已迁移到 %1。</translation>
    </message>
    <message>
        <source>connect there and update the profile.</source>
        <translation>连接新地址并更新连接配置。</translation>
    </message>
    <message>
        <source>The broker does not support shared subscriptions ($share/...).</source>
        <translation>服务器不支持共享订阅（$share/...）。</translation>
    </message>
    <message>
        <source>subscribe without $share.</source>
        <translation>不使用 $share 订阅。</translation>
    </message>
    <message>
        <source>raise the reconnect delay.</source>
        <translation>增大重连间隔。</translation>
    </message>
    <message>
        <source>The broker&apos;s maximum connection time is over.</source>
        <translation>已达到服务器允许的最长连接时间。</translation>
    </message>
    <message>
        <source>reconnect.</source>
        <translation>重新连接。</translation>
    </message>
    <message>
        <source>The broker does not support subscription identifiers.</source>
        <translation>服务器不支持订阅标识符。</translation>
    </message>
    <message>
        <source>subscribe without a Subscription Identifier.</source>
        <translation>订阅时不使用订阅标识符（Subscription Identifier）。</translation>
    </message>
    <message>
        <source>The broker does not support wildcard subscriptions.</source>
        <translation>服务器不支持通配符订阅。</translation>
    </message>
    <message>
        <source>subscribe to topics without + or #.</source>
        <translation>订阅不含 + 或 # 的主题。</translation>
    </message>
    <message>
        <source>The broker closed the connection with reason code 0x%1.</source>
        <translation>服务器以原因码 0x%1 关闭了连接。</translation>
    </message>
    <message>
        <source>The broker&apos;s certificate is not made out for this host name.</source>
        <translation>服务器证书不是为此主机名签发的。</translation>
    </message>
    <message>
        <source>connect with the name the certificate lists (see its subject), or set the expected server name.</source>
        <translation>使用证书中列出的名称连接（见证书主题），或设置预期的服务器名称。</translation>
    </message>
    <message>
        <source>The broker&apos;s certificate could not be verified (%1).</source>
        <translation>无法验证服务器证书（%1）。</translation>
    </message>
    <message>
        <source>give the CA file that signed the broker&apos;s certificate, or use the system store; turn verification off only for a test broker.</source>
        <translation>提供签发服务器证书的 CA 文件，或使用系统证书库；只有测试服务器才可关闭验证。</translation>
    </message>
    <message>
        <source>The port did not answer TLS: it is probably a plain MQTT port.</source>
        <translation>该端口没有以 TLS 应答：它可能是未加密的 MQTT 端口。</translation>
    </message>
    <message>
        <source>use mqtt:// for this port, or the broker&apos;s TLS port (usually 8883).</source>
        <translation>此端口请使用 mqtt://，或改用服务器的 TLS 端口（通常为 8883）。</translation>
    </message>
    <message>
        <source>A certificate or key file of the connection cannot be used: %1</source>
        <translation>连接使用的证书或密钥文件无法使用：%1</translation>
    </message>
    <message>
        <source>check the file paths and that the key belongs to the certificate.</source>
        <translation>检查文件路径，并确认密钥与证书匹配。</translation>
    </message>
    <message>
        <source>The TLS handshake failed.</source>
        <translation>TLS 握手失败。</translation>
    </message>
    <message>
        <source>check that the broker&apos;s TLS port is used and that client and broker share a TLS version; a client certificate may be required.</source>
        <translation>确认使用的是服务器的 TLS 端口，且客户端与服务器支持相同的 TLS 版本；服务器可能要求客户端证书。</translation>
    </message>
    <message>
        <source>The host name could not be resolved (DNS).</source>
        <translation>无法解析主机名（DNS）。</translation>
    </message>
    <message>
        <source>check the spelling of the host, or use its IP address.</source>
        <translation>检查主机名拼写，或改用 IP 地址。</translation>
    </message>
    <message>
        <source> Is the broker&apos;s TLS listener on this port?</source>
        <translation>服务器的 TLS 监听器是否在此端口上？</translation>
    </message>
    <message>
        <source> Is this perhaps the TLS port (8883), or is the broker stopped?</source>
        <translation>这是否是 TLS 端口（8883），或者服务器已停止？</translation>
    </message>
    <message>
        <source>Nothing listens on that port: the connection was refused.</source>
        <translation>该端口上没有程序在监听：连接被拒绝。</translation>
    </message>
    <message>
        <source>check the port and that the broker runs.</source>
        <translation>检查端口，并确认服务器正在运行。</translation>
    </message>
    <message>
        <source>The host cannot be reached from this machine.</source>
        <translation>从本机无法访问该主机。</translation>
    </message>
    <message>
        <source>check the network, VPN and firewall.</source>
        <translation>检查网络、VPN 和防火墙。</translation>
    </message>
    <message>
        <source>The connection timed out: no answer from the host.</source>
        <translation>连接超时：主机没有应答。</translation>
    </message>
    <message>
        <source>check the host and port; a firewall may drop the packets.</source>
        <translation>检查主机和端口；防火墙可能丢弃了数据包。</translation>
    </message>
    <message>
        <source>The broker closed the connection before or without answering.</source>
        <translation>服务器在应答前关闭了连接，或根本没有应答。</translation>
    </message>
    <message>
        <source>check the broker&apos;s log (a listener limit, an ACL, or a TLS port reached with mqtt://).</source>
        <translation>查看服务器日志（监听器数量限制、ACL，或用 mqtt:// 连接了 TLS 端口）。</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Browse…</source>
        <translation type="unfinished">浏览…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mqtts://user@broker.example:8883/topic/#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fill Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Will</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MQTT &amp;5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished">连接(&amp;O)</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profiles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished">导出(&amp;E)…</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broker.example or 192.0.2.10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mqtt (TCP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mqtts (TLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ws (WebSocket)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wss (WebSocket over TLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generated when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MQTT 5.0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MQTT 3.1.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"> 秒</translation>
    </message>
    <message>
        <source>Clean start (discard any session the broker kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 (ends with the connection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect automatically when the connection drops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect when MQTT Inspector starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished">名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ransport:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebSocket pat&amp;h:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pr&amp;otocol:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keepalive:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session e&amp;xpiry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keepalive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS is used by the mqtts and wss transports; choose one on the General tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s trusted certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This CA file only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the passphrase in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insecure: do not verify the broker&apos;s certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone between you and the broker can read and change the traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Verification is OFF. The connection is encrypted but the broker is not authenticated: anyone on the way can pose as it. Each connection logs a warning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trust:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client c&amp;ertificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key &amp;passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the password in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwords are never written to the settings or to exported files. Unsaved, a password is kept until MQTT Inspector quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a &amp;will: the broker publishes it when this connection drops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 (at most once)</source>
        <translation type="unfinished">0（最多一次）</translation>
    </message>
    <message>
        <source>1 (at least once)</source>
        <translation type="unfinished">1（至少一次）</translation>
    </message>
    <message>
        <source>2 (exactly once)</source>
        <translation type="unfinished">2（仅一次）</translation>
    </message>
    <message>
        <source>Retain</source>
        <translation type="unfinished">保留</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pa&amp;yload:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;QoS:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MQTT 5 will properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished">无</translation>
    </message>
    <message>
        <source>Payload is UTF-8 text (Payload Format Indicator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will message expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message e&amp;xpiry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Content type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Response topic:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These CONNECT properties exist in MQTT 5.0 only; choose it on the General tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broker default (65535)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 (no aliases)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum packet size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic alias maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Receive maximum:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum &amp;packet size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Topic alias maximum:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished">值</translation>
    </message>
    <message>
        <source>User properties</source>
        <translation type="unfinished">用户属性</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User properties:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribed on connect. No local, retain as published, retain handling and the subscription identifier are MQTT 5.0 options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QoS</source>
        <translation type="unfinished">QoS</translation>
    </message>
    <message>
        <source>No local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retain as published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retain handling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscription ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation type="unfinished">订阅</translation>
    </message>
    <message>
        <source>0: send retained messages at subscribe; 1: only for a new subscription; 2: never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean session (discard any session the broker kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;TLS ⚠ insecure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file: choose the CA file, or trust the system&apos;s certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebSocket path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter it to connect; it is kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Keep it for this session only? It is not written anywhere; you enter it again the next time MQTT Inspector starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep for This Session Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved in a keychain: kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s) imported.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the profile &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>%1&quot;%2&quot; must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&quot;%2&quot; must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&quot;%2&quot; must be a whole number from %3 to %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1：%2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">名称</translation>
    </message>
    <message>
        <source>a profile needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter the broker&apos;s host name or address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a host name has no spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 1-65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebSocket path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must start with /</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is longer than 65535 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keepalive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 0-65535 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished">密码</translation>
    </message>
    <message>
        <source>a password needs a user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a client key needs its certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a client certificate needs its key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter the topic the will is published to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User properties</source>
        <translation type="unfinished">用户属性</translation>
    </message>
    <message>
        <source>a user property needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a filter is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation type="unfinished">订阅</translation>
    </message>
    <message>
        <source>a subscription identifier is 1-268435455</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;name&quot; is missing or empty</source>
        <translation type="unfinished">缺少“name”或其为空</translation>
    </message>
    <message>
        <source>&quot;transport&quot; is &quot;%1&quot;; expected mqtt, mqtts, ws or wss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;protocol&quot; is &quot;%1&quot;; expected 3.1.1 or 5.0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;will&quot; must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>will: &quot;payloadBase64&quot; is not base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;userProperties&quot; must be a list of [name, value] pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;subscriptions&quot; must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subscription %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&quot;filter&quot; %2 is not a valid topic filter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionStatusBar</name>
    <message>
        <source>Message history kept in memory against its budget; click to change the budget. Over it, the oldest history goes first.</source>
        <translation>内存中保存的消息历史及其内存预算；点击可修改预算。超出预算时，最早的历史消息最先丢弃。</translation>
    </message>
    <message>
        <source>No connection</source>
        <translation>无连接</translation>
    </message>
    <message>
        <source> · session present</source>
        <translation> · 会话已存在</translation>
    </message>
    <message>
        <source>● REC %1 · %2 events</source>
        <translation>● 录制中 %1 · %2 个事件</translation>
    </message>
    <message>
        <source>Recording to %1</source>
        <translation>正在录制到 %1</translation>
    </message>
    <message>
        <source>in %1 msg/s (%2/s) · out %3 msg/s · %4 topics</source>
        <translation>接收 %1 条/秒（%2/s）· 发送 %3 条/秒 · %4 个主题</translation>
    </message>
    <message>
        <source>history %1 / %2</source>
        <translation>历史 %1 / %2</translation>
    </message>
    <message>
        <source> · %1 oldest dropped</source>
        <translation> · 已丢弃最早的 %1 条</translation>
    </message>
    <message>
        <source>History budget</source>
        <translation>历史内存预算</translation>
    </message>
    <message>
        <source>Memory for message history of this connection (MiB):</source>
        <translation>此连接的消息历史可用内存（MiB）：</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>连接状态</translation>
    </message>
</context>
<context>
    <name>ConnectionTab</name>
    <message>
        <source>+ Pane</source>
        <translation>+ 窗格</translation>
    </message>
    <message>
        <source>Open a pane for a topic filter (message_callback_add)</source>
        <translation>为主题过滤器打开一个窗格（message_callback_add）</translation>
    </message>
    <message>
        <source>Cannot open the pane</source>
        <translation>无法打开窗格</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Messages that matched no pane filter (paho&apos;s on_message)</source>
        <translation>未匹配任何窗格过滤器的消息（paho 的 on_message）</translation>
    </message>
    <message>
        <source>Messages matching %1</source>
        <translation>匹配 %1 的消息</translation>
    </message>
</context>
<context>
    <name>EchoTracker</name>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Every topic</source>
        <translation>所有主题</translation>
    </message>
    <message>
        <source>Subtree:</source>
        <translation>子树：</translation>
    </message>
    <message>
        <source>Pane:</source>
        <translation>窗格：</translation>
    </message>
    <message>
        <source>Received messages</source>
        <translation>收到的消息</translation>
    </message>
    <message>
        <source>Sent messages</source>
        <translation>发送的消息</translation>
    </message>
    <message>
        <source>Log and connection events</source>
        <translation>日志和连接事件</translation>
    </message>
    <message>
        <source>Export — %1</source>
        <translation>导出 — %1</translation>
    </message>
    <message>
        <source>What</source>
        <translation>导出内容</translation>
    </message>
    <message>
        <source>Default (matched no filter)</source>
        <translation>默认（未匹配任何过滤器）</translation>
    </message>
    <message>
        <source>Include:</source>
        <translation>包含：</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>保存位置</translation>
    </message>
    <message>
        <source>Session file (JSON Lines, opens in MQTT Inspector)</source>
        <translation>会话文件（JSON Lines，可在 MQTT Inspector 中打开）</translation>
    </message>
    <message>
        <source>CSV for spreadsheets (RFC 4180)</source>
        <translation>CSV，用于电子表格（RFC 4180）</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>%1 of %2 events</source>
        <translation>%1 / %2 个事件</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Session files (*.jsonl);;All files (*)</source>
        <translation>会话文件 (*.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The history in memory holds %1 messages.</source>
        <translation>内存中的历史共有 %1 条消息。</translation>
    </message>
    <message>
        <source>%1 older messages were dropped under the history budget and cannot be exported; record (File &gt; Record) to keep everything.</source>
        <translation>受历史内存预算限制，较早的 %1 条消息已被丢弃，无法导出；如需保留全部消息，请使用录制（文件 &gt; 录制）。</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>请选择要导出到的文件。</translation>
    </message>
    <message>
        <source>Choose what to include.</source>
        <translation>请选择要包含的内容。</translation>
    </message>
    <message>
        <source>Choose a pane.</source>
        <translation>请选择一个窗格。</translation>
    </message>
    <message>
        <source>There is no topic or level &quot;%1&quot;.</source>
        <translation>不存在主题或层级“%1”。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Exported %1 events to %2.</source>
        <translation>已将 %1 个事件导出到 %2。</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>No file was written.</source>
        <translation>未写入任何文件。</translation>
    </message>
    <message>
        <source>Subtree to export</source>
        <translation>要导出的子树</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>导出格式</translation>
    </message>
    <message>
        <source>Pane to export</source>
        <translation>要导出的窗格</translation>
    </message>
    <message>
        <source>Export file</source>
        <translation>导出文件</translation>
    </message>
</context>
<context>
    <name>FilterPane</name>
    <message>
        <source>Matched no pane filter (on_message)</source>
        <translation>未匹配任何窗格过滤器（on_message）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Freeze this pane; arrivals are kept and counted</source>
        <translation>冻结此窗格；新到的消息仍会保存并计数</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Search topic or payload</source>
        <translation>搜索主题或负载</translation>
    </message>
    <message>
        <source>Copy topic</source>
        <translation>复制主题</translation>
    </message>
    <message>
        <source>Copy payload</source>
        <translation>复制负载</translation>
    </message>
    <message>
        <source>%1 messages · %2</source>
        <translation>%1 条消息 · %2</translation>
    </message>
    <message>
        <source> · %1 new (paused)</source>
        <translation> · %1 条新消息（已暂停）</translation>
    </message>
    <message>
        <source> · oldest %1 dropped</source>
        <translation> · 已丢弃最早的 %1 条</translation>
    </message>
    <message>
        <source> · %1 shown</source>
        <translation> · 显示 %1 条</translation>
    </message>
    <message>
        <source>Search this pane</source>
        <translation>在此窗格中搜索</translation>
    </message>
    <message>
        <source>Messages of this pane</source>
        <translation>此窗格的消息</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Retain</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>负载</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <source>Applies at the next start</source>
        <translation>下次启动时生效</translation>
    </message>
</context>
<context>
    <name>LogConsole</name>
    <message>
        <source>Connection events and errors appear here.</source>
        <translation>连接事件和错误会显示在这里。</translation>
    </message>
    <message>
        <source>Connection log</source>
        <translation>连接日志</translation>
    </message>
    <message>
        <source>Log level filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished">暂停</translation>
    </message>
    <message>
        <source>Hold the view still; new lines are kept and counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the lines shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the lines shown to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished">继续</translation>
    </message>
    <message>
        <source>Cannot save the log to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… %1 not kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 new while paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not kept</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Packet Inspector</source>
        <translation>报文检查器</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>MQTT Inspector</source>
        <translation>MQTT Inspector</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Connection…</source>
        <translation>新建连接(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>关闭标签页(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开连接(&amp;D)</translation>
    </message>
    <message>
        <source>New &amp;Pane…</source>
        <translation>新建窗格(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Filter Topics</source>
        <translation>过滤主题(&amp;F)</translation>
    </message>
    <message>
        <source>P&amp;ublish…</source>
        <translation>发布(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Publish Dock</source>
        <translation>发布面板</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About MQTT Inspector</source>
        <translation>关于 MQTT Inspector(&amp;A)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>%1 — MQTT Inspector</source>
        <translation>%1 — MQTT Inspector</translation>
    </message>
    <message>
        <source>&amp;Topic</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy Topic</source>
        <translation>复制主题(&amp;C)</translation>
    </message>
    <message>
        <source>Copy &amp;Payload</source>
        <translation>复制负载(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Watch in a New Pane</source>
        <translation>在新窗格中查看(&amp;W)</translation>
    </message>
    <message>
        <source>Publish to &amp;This Topic…</source>
        <translation>发布到此主题(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Delete Retained…</source>
        <translation>删除保留消息(&amp;D)…</translation>
    </message>
    <message>
        <source>P&amp;revious Message</source>
        <translation>上一条消息(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Next Message</source>
        <translation>下一条消息(&amp;N)</translation>
    </message>
    <message>
        <source>Next &amp;Area</source>
        <translation>下一个区域(&amp;A)</translation>
    </message>
    <message>
        <source>Previous A&amp;rea</source>
        <translation>上一个区域(&amp;R)</translation>
    </message>
    <message>
        <source>Next &amp;Connection Tab</source>
        <translation>下一个连接标签页(&amp;C)</translation>
    </message>
    <message>
        <source>Previous Connection &amp;Tab</source>
        <translation>上一个连接标签页(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>配色方案(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Some saved profiles are damaged and were not loaded:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewPaneDialog</name>
    <message>
        <source>Subscribe to this filter</source>
        <translation>订阅此过滤器</translation>
    </message>
    <message>
        <source>New pane</source>
        <translation>新建窗格</translation>
    </message>
    <message>
        <source>A pane shows every message its filter matches, as paho&apos;s message_callback_add does. A message can appear in several panes; the Default pane gets what matched none.</source>
        <translation>窗格显示其过滤器匹配的所有消息，与 paho 的 message_callback_add 相同。一条消息可以出现在多个窗格中；未匹配任何窗格的消息进入“默认”窗格。</translation>
    </message>
    <message>
        <source>0 (at most once)</source>
        <translation>0（最多一次）</translation>
    </message>
    <message>
        <source>1 (at least once)</source>
        <translation>1（至少一次）</translation>
    </message>
    <message>
        <source>2 (exactly once)</source>
        <translation>2（仅一次）</translation>
    </message>
    <message>
        <source>Off: only route what the existing subscriptions bring</source>
        <translation>关闭时：只分发现有订阅收到的消息</translation>
    </message>
    <message>
        <source>Topic filter:</source>
        <translation>主题过滤器：</translation>
    </message>
    <message>
        <source>QoS:</source>
        <translation>服务质量 QoS：</translation>
    </message>
    <message>
        <source>Open pane</source>
        <translation>打开窗格</translation>
    </message>
</context>
<context>
    <name>PacketFormatter</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>0: send retained at subscribe</source>
        <translation>0:订阅时发送保留消息</translation>
    </message>
    <message>
        <source>1: send retained only for a new subscription</source>
        <translation>1:仅对新订阅发送保留消息</translation>
    </message>
    <message>
        <source>2: do not send retained</source>
        <translation>2:不发送保留消息</translation>
    </message>
    <message>
        <source>Reason codes</source>
        <translation>原因码</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Packet identifier</source>
        <translation>报文标识符</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Clean start</source>
        <translation>清除会话</translation>
    </message>
    <message>
        <source>Keep alive</source>
        <translation>保持连接</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Client identifier</source>
        <translation>客户端标识符</translation>
    </message>
    <message>
        <source>Bridge</source>
        <translation>桥接</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(无)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>•••••• (%1)</source>
        <translation>•••••• (%1)</translation>
    </message>
    <message>
        <source>Will</source>
        <translation>遗嘱</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Retain</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Payload size</source>
        <translation>载荷大小</translation>
    </message>
    <message>
        <source>Will properties</source>
        <translation>遗嘱属性</translation>
    </message>
    <message>
        <source>Session present</source>
        <translation>会话存在</translation>
    </message>
    <message>
        <source>Reason code</source>
        <translation>原因码</translation>
    </message>
    <message>
        <source>Return code</source>
        <translation>返回码</translation>
    </message>
    <message>
        <source>(empty: Topic Alias)</source>
        <translation>(空:主题别名)</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>Topic filter</source>
        <translation>主题过滤器</translation>
    </message>
    <message>
        <source>Maximum QoS</source>
        <translation>最大 QoS</translation>
    </message>
    <message>
        <source>No Local</source>
        <translation>No Local</translation>
    </message>
    <message>
        <source>Retain As Published</source>
        <translation>Retain As Published</translation>
    </message>
    <message>
        <source>Retain Handling</source>
        <translation>Retain Handling</translation>
    </message>
    <message>
        <source>Topic filters</source>
        <translation>主题过滤器</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>(undefined for %1)</source>
        <translation>(%1 中未定义)</translation>
    </message>
    <message>
        <source>Fixed header</source>
        <translation>固定报头</translation>
    </message>
    <message>
        <source>Packet type</source>
        <translation>报文类型</translation>
    </message>
    <message>
        <source>DUP</source>
        <translation>DUP</translation>
    </message>
    <message>
        <source>RETAIN</source>
        <translation>RETAIN</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>Remaining length</source>
        <translation>剩余长度</translation>
    </message>
    <message>
        <source>Decode error</source>
        <translation>解码错误</translation>
    </message>
    <message>
        <source>Decode error: %1</source>
        <translation>解码错误:%1</translation>
    </message>
    <message>
        <source>client id &apos;%1&apos;, keep alive %2 s</source>
        <translation>客户端标识符 &apos;%1&apos;,保持连接 %2 秒</translation>
    </message>
    <message>
        <source>, clean start</source>
        <translation>,清除会话</translation>
    </message>
    <message>
        <source>, user &apos;%1&apos;</source>
        <translation>,用户 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>, will &apos;%1&apos;</source>
        <translation>,遗嘱 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>, session present</source>
        <translation>,会话存在</translation>
    </message>
    <message>
        <source>q%1%2 %3 (%4)</source>
        <translation>q%1%2 %3 (%4)</translation>
    </message>
    <message>
        <source> retained</source>
        <translation> 保留</translation>
    </message>
    <message>
        <source>(alias %1)</source>
        <translation>(别名 %1)</translation>
    </message>
    <message>
        <source>%1 (QoS %2)</source>
        <translation>%1 (QoS %2)</translation>
    </message>
    <message>
        <source>… %1 more bytes not shown
</source>
        <translation>… 另有 %1 字节未显示
</translation>
    </message>
</context>
<context>
    <name>PacketInspector</name>
    <message>
        <source>Capture</source>
        <translation>捕获</translation>
    </message>
    <message>
        <source>Record every packet both ways (off: costs nothing)</source>
        <translation>记录双向的每个报文(关闭时没有开销)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Forget the packets captured so far</source>
        <translation>丢弃目前已捕获的报文</translation>
    </message>
    <message>
        <source>Show All Types</source>
        <translation>显示所有类型</translation>
    </message>
    <message>
        <source>Show only some packet types</source>
        <translation>只显示部分报文类型</translation>
    </message>
    <message>
        <source>Packet types shown</source>
        <translation>显示的报文类型</translation>
    </message>
    <message>
        <source>Oldest packets dropped to keep the capture bounded</source>
        <translation>为限制捕获大小而丢弃的最早报文</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>报文</translation>
    </message>
    <message>
        <source>Decoded fields</source>
        <translation>解码字段</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Hex dump</source>
        <translation>十六进制转储</translation>
    </message>
    <message>
        <source>Select a packet to see its bytes</source>
        <translation>选择一个报文以查看其字节</translation>
    </message>
    <message>
        <source>%1 packet</source>
        <translation>%1 个报文</translation>
    </message>
    <message>
        <source>%1 packets</source>
        <translation>%1 个报文</translation>
    </message>
    <message>
        <source>%1 shown of %2</source>
        <translation>显示 %1 / 共 %2</translation>
    </message>
    <message>
        <source>%1 dropped</source>
        <translation>已丢弃 %1 个</translation>
    </message>
    <message>
        <source>Types: all</source>
        <translation>类型:全部</translation>
    </message>
    <message>
        <source>Types: %1 of %2</source>
        <translation>类型:%1 / %2</translation>
    </message>
</context>
<context>
    <name>PacketModel</name>
    <message>
        <source>Decode error: %1</source>
        <translation>解码错误:%1</translation>
    </message>
    <message>
        <source>→ Sent</source>
        <translation>→ 发送</translation>
    </message>
    <message>
        <source>← Received</source>
        <translation>← 接收</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Packet Id</source>
        <translation>报文标识符</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>PaneModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Retain</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>负载</translation>
    </message>
</context>
<context>
    <name>PayloadFormat</name>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Invalid JSON at offset %1: %2

%3</source>
        <translation>无效的 JSON（偏移 %1）：%2

%3</translation>
    </message>
    <message>
        <source>Invalid XML at line %1, column %2: %3

%4</source>
        <translation>无效的 XML（第 %1 行，第 %2 列）：%3

%4</translation>
    </message>
</context>
<context>
    <name>PayloadView</name>
    <message>
        <source>How to show the payload</source>
        <translation>负载的显示方式</translation>
    </message>
    <message>
        <source>Previous part</source>
        <translation>上一部分</translation>
    </message>
    <message>
        <source>Next part</source>
        <translation>下一部分</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message>
        <source>Formatting %1…</source>
        <translation>正在格式化 %1…</translation>
    </message>
    <message>
        <source>Auto (%1)</source>
        <translation>自动（%1）</translation>
    </message>
    <message>
        <source>Part %1 of %2 (characters %3 to %4 of %5): too large to show at once</source>
        <translation>第 %1/%2 部分（第 %3 至 %4 个字符，共 %5 个）：内容太大，无法一次显示</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>负载</translation>
    </message>
</context>
<context>
    <name>PreviewText</name>
    <message>
        <source>&lt;binary %1&gt;</source>
        <translation>&lt;二进制 %1&gt;</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>count, noun</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>template</source>
        <translation>个模板</translation>
    </message>
    <message>
        <source>templates</source>
        <translation>个模板</translation>
    </message>
    <message>
        <source>byte</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>bad line</source>
        <translation>个错误行</translation>
    </message>
    <message>
        <source>bad lines</source>
        <translation>个错误行</translation>
    </message>
    <message>
        <source>line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>行</translation>
    </message>
    <message>
        <source>v5 prop</source>
        <translation>个 v5 属性</translation>
    </message>
    <message>
        <source>v5 props</source>
        <translation>个 v5 属性</translation>
    </message>
    <message>
        <source>message kept</source>
        <translation>条历史消息</translation>
    </message>
    <message>
        <source>messages kept</source>
        <translation>条历史消息</translation>
    </message>
    <message>
        <source>pair</source>
        <translation>对</translation>
    </message>
    <message>
        <source>pairs</source>
        <translation>对</translation>
    </message>
    <message>
        <source>unchanged line</source>
        <translation>行未改动</translation>
    </message>
    <message>
        <source>unchanged lines</source>
        <translation>行未改动</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation type="unfinished">%1（副本）</translation>
    </message>
    <message>
        <source>A profile needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is a profile called &quot;%1&quot; already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not JSON (%1 at offset %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved profile %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved profile %1 (&quot;%2&quot;): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not JSON: %1 at offset %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a profiles file: &quot;format&quot; is not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file&apos;s version %1 is not one this version reads (1 to %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no &quot;profiles&quot; list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1 (&quot;%2&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished">无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished">无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is too large to be a profiles file (%2 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PublishPanel</name>
    <message>
        <source>Retain</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Start series</source>
        <translation>开始连续发送</translation>
    </message>
    <message>
        <source>Topic, e.g. home/kitchen/light/set</source>
        <translation>主题，例如 home/kitchen/light/set</translation>
    </message>
    <message>
        <source>QoS %1</source>
        <translation>QoS %1</translation>
    </message>
    <message>
        <source>0: at most once · 1: at least once (PUBACK) · 2: exactly once (PUBCOMP)</source>
        <translation>服务质量：0 最多一次 · 1 至少一次（PUBACK）· 2 仅一次（PUBCOMP）</translation>
    </message>
    <message>
        <source>The broker keeps this message and sends it to every new subscriber</source>
        <translation>服务器会保留这条消息，并发送给每个新的订阅者</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>负载</translation>
    </message>
    <message>
        <source>Properties (MQTT 5)</source>
        <translation>属性（MQTT 5）</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Publish (Ctrl+Enter)</source>
        <translation>发布（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Time from our PUBLISH to the same message arriving on one of our subscriptions</source>
        <translation>从我们发出 PUBLISH 到同一条消息经由我们的订阅收到所用的时间</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>every </source>
        <translation>间隔 </translation>
    </message>
    <message>
        <source> times</source>
        <translation> 次</translation>
    </message>
    <message>
        <source>Send the message repeatedly and measure the round trips</source>
        <translation>重复发送消息并测量往返时延</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>XML</source>
        <translation>XML</translation>
    </message>
    <message>
        <source>Hex bytes</source>
        <translation>十六进制字节</translation>
    </message>
    <message>
        <source>How the payload is typed; Auto highlights JSON or XML by content</source>
        <translation>负载的输入方式；“自动”会按内容高亮 JSON 或 XML</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式化</translation>
    </message>
    <message>
        <source>Indent JSON or XML (JSON keys keep their order)</source>
        <translation>缩进 JSON 或 XML（JSON 键保持原有顺序）</translation>
    </message>
    <message>
        <source>From file…</source>
        <translation>从文件…</translation>
    </message>
    <message>
        <source>Use a file&apos;s contents as the payload</source>
        <translation>使用文件内容作为负载</translation>
    </message>
    <message>
        <source>Payload from file</source>
        <translation>从文件读取负载</translation>
    </message>
    <message>
        <source>e.g. application/json</source>
        <translation>例如 application/json</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>不设置</translation>
    </message>
    <message>
        <source>0: unspecified bytes</source>
        <translation>0：未指定的字节</translation>
    </message>
    <message>
        <source>1: UTF-8 text</source>
        <translation>1：UTF-8 文本</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Content type:</source>
        <translation>内容类型：</translation>
    </message>
    <message>
        <source>Payload format:</source>
        <translation>负载格式：</translation>
    </message>
    <message>
        <source>Message expiry:</source>
        <translation>消息过期间隔：</translation>
    </message>
    <message>
        <source>Response topic:</source>
        <translation>响应主题：</translation>
    </message>
    <message>
        <source>Correlation data:</source>
        <translation>关联数据：</translation>
    </message>
    <message>
        <source>User properties (sent in this order):</source>
        <translation>用户属性（按此顺序发送）：</translation>
    </message>
    <message>
        <source>Double-click to put a sent message back into the composer</source>
        <translation>双击可将已发送的消息放回编辑器</translation>
    </message>
    <message>
        <source>No connection.</source>
        <translation>无连接。</translation>
    </message>
    <message>
        <source>Sent with the PUBLISH; empty fields are left out.</source>
        <translation>随 PUBLISH 发送；空字段不发送。</translation>
    </message>
    <message>
        <source>This connection speaks MQTT 3.1.1, which has no properties.</source>
        <translation>此连接使用 MQTT 3.1.1，不支持属性。</translation>
    </message>
    <message>
        <source>The payload is not UTF-8 text: it stays in Hex</source>
        <translation>负载不是 UTF-8 文本：保持十六进制</translation>
    </message>
    <message>
        <source>Auto (%1)</source>
        <translation>自动（%1）</translation>
    </message>
    <message>
        <source>JSON error at line %1, column %2: %3</source>
        <translation>JSON 错误（第 %1 行，第 %2 列）：%3</translation>
    </message>
    <message>
        <source>Valid JSON · %1</source>
        <translation>有效的 JSON · %1</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>Hex · %1</source>
        <translation>十六进制 · %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is %2, more than an MQTT message can carry (256 MiB)</source>
        <translation>%1 大小为 %2，超过了 MQTT 消息的上限（256 MiB）</translation>
    </message>
    <message>
        <source>Loaded %1 (%2)</source>
        <translation>已载入 %1（%2）</translation>
    </message>
    <message>
        <source>Correlation data: %1</source>
        <translation>关联数据：%1</translation>
    </message>
    <message>
        <source>Not sent: not connected to the broker</source>
        <translation>未发送：未连接到服务器</translation>
    </message>
    <message>
        <source>Not sent: the message is larger than the broker&apos;s Maximum Packet Size</source>
        <translation>未发送：消息超过了服务器的最大报文长度（Maximum Packet Size）</translation>
    </message>
    <message>
        <source>Not sent: the broker does not accept QoS %1 or retained messages (Maximum QoS / Retain Available)</source>
        <translation>未发送：服务器不接受 QoS %1 或保留消息（Maximum QoS / Retain Available）</translation>
    </message>
    <message>
        <source>Not sent: QoS %1 is above the broker&apos;s Maximum QoS</source>
        <translation>未发送：QoS %1 高于服务器的最大 QoS（Maximum QoS）</translation>
    </message>
    <message>
        <source>Not sent: too many messages waiting for the broker</source>
        <translation>未发送：等待服务器确认的消息过多</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>Not sent: no connection</source>
        <translation>未发送：无连接</translation>
    </message>
    <message>
        <source>Not sent: the topic is empty</source>
        <translation>未发送：主题为空</translation>
    </message>
    <message>
        <source>Not sent: invalid topic: %1</source>
        <translation>未发送：无效的主题：%1</translation>
    </message>
    <message>
        <source>Sending (QoS 0)…</source>
        <translation>正在发送（QoS 0）…</translation>
    </message>
    <message>
        <source>Sent, waiting for %1…</source>
        <translation>已发送，正在等待 %1…</translation>
    </message>
    <message>
        <source>Failed: the broker answered %1 (0x%2)</source>
        <translation>失败：服务器返回 %1（0x%2）</translation>
    </message>
    <message>
        <source>Sent (QoS 0)</source>
        <translation>已发送（QoS 0）</translation>
    </message>
    <message>
        <source>Delivered: %1</source>
        <translation>已送达：%1</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>round trip %1</source>
        <translation>往返 %1</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Series: %1 of %2 sent, %3 came back</source>
        <translation>连续发送：已发送 %1/%2 条，收回 %3 条</translation>
    </message>
    <message>
        <source>, %1 failed</source>
        <translation>，%1 条失败</translation>
    </message>
    <message>
        <source> · round trip min %1 · median %2 · p99 %3 · max %4</source>
        <translation> · 往返时延 最小 %1 · 中位数 %2 · p99 %3 · 最大 %4</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>, retained</source>
        <translation>，保留消息</translation>
    </message>
    <message>
        <source>%1  %2  [%3]  %4</source>
        <translation>%1  %2  [%3]  %4</translation>
    </message>
    <message>
        <source>Topic to publish to</source>
        <translation>要发布到的主题</translation>
    </message>
    <message>
        <source>Repeat interval</source>
        <translation>重复间隔</translation>
    </message>
    <message>
        <source>Repeat count</source>
        <translation>重复次数</translation>
    </message>
    <message>
        <source>Correlation data</source>
        <translation>关联数据</translation>
    </message>
    <message>
        <source>User properties</source>
        <translation>用户属性</translation>
    </message>
    <message>
        <source>Sent messages</source>
        <translation>发送的消息</translation>
    </message>
</context>
<context>
    <name>PublishTemplate</name>
    <message>
        <source>&quot;%1%2&quot; and &quot;%1%3&quot; are both set; keep one</source>
        <translation>“%1%2”和“%1%3”同时设置了；请只保留一个</translation>
    </message>
    <message>
        <source>&quot;%1%2&quot; must be a string</source>
        <translation>“%1%2”必须是字符串</translation>
    </message>
    <message>
        <source>&quot;%1%2&quot; is not valid base64</source>
        <translation>“%1%2”不是有效的 base64</translation>
    </message>
    <message>
        <source>&quot;name&quot; is missing or empty</source>
        <translation>缺少“name”或其为空</translation>
    </message>
    <message>
        <source>&quot;group&quot; must be a string</source>
        <translation>“group”必须是字符串</translation>
    </message>
    <message>
        <source>&quot;topic&quot; is missing or not a string</source>
        <translation>缺少“topic”或其不是字符串</translation>
    </message>
    <message>
        <source>&quot;qos&quot; must be 0, 1 or 2</source>
        <translation>“qos”必须是 0、1 或 2</translation>
    </message>
    <message>
        <source>&quot;retain&quot; must be true or false</source>
        <translation>“retain”必须是 true 或 false</translation>
    </message>
    <message>
        <source>&quot;mode&quot; must be one of auto, text, json, xml, hex</source>
        <translation>“mode”必须是 auto、text、json、xml、hex 之一</translation>
    </message>
    <message>
        <source>&quot;properties&quot; must be an object</source>
        <translation>“properties”必须是对象</translation>
    </message>
    <message>
        <source>&quot;properties.payloadFormatIndicator&quot; must be 0 or 1</source>
        <translation>“properties.payloadFormatIndicator”必须是 0 或 1</translation>
    </message>
    <message>
        <source>&quot;properties.messageExpiryInterval&quot; must be a whole number of seconds from 0 to 4294967295</source>
        <translation>“properties.messageExpiryInterval”必须是 0 到 4294967295 之间的整数秒数</translation>
    </message>
    <message>
        <source>&quot;properties.correlationHex&quot; must be true or false</source>
        <translation>“properties.correlationHex”必须是 true 或 false</translation>
    </message>
    <message>
        <source>&quot;properties.userProperties&quot; must be an array</source>
        <translation>“properties.userProperties”必须是数组</translation>
    </message>
    <message>
        <source>&quot;properties.userProperties[%1]&quot; must be an object with a string &quot;name&quot; and &quot;value&quot;</source>
        <translation>“properties.userProperties[%1]”必须是包含字符串“name”和“value”的对象</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Hex: a byte needs two digits (character %1)</source>
        <translation>十六进制：每个字节需要两位数字（第 %1 个字符）</translation>
    </message>
    <message>
        <source>Hex: &apos;%1&apos; at character %2 is not a hex digit</source>
        <translation>十六进制：第 %2 个字符“%1”不是十六进制数字</translation>
    </message>
    <message>
        <source>Hex: odd number of digits (the last byte has one)</source>
        <translation>十六进制：数字个数为奇数（最后一个字节只有一位）</translation>
    </message>
    <message>
        <source>Cannot export to %1: %2</source>
        <translation>无法导出到 %1：%2</translation>
    </message>
</context>
<context>
    <name>ReasonText</name>
    <message>
        <source>Administrative action</source>
        <translation>管理操作</translation>
    </message>
    <message>
        <source>Bad authentication method</source>
        <translation>认证方法错误</translation>
    </message>
    <message>
        <source>Bad user name or password</source>
        <translation>用户名或密码错误</translation>
    </message>
    <message>
        <source>Banned</source>
        <translation>已被禁止</translation>
    </message>
    <message>
        <source>Client identifier not valid</source>
        <translation>客户端 ID 无效</translation>
    </message>
    <message>
        <source>Connection rate exceeded</source>
        <translation>超出连接速率限制</translation>
    </message>
    <message>
        <source>Continue authentication</source>
        <translation>继续认证</translation>
    </message>
    <message>
        <source>Disconnect with will message</source>
        <translation>断开连接并发布遗嘱消息</translation>
    </message>
    <message>
        <source>Granted QoS 0</source>
        <translation>已授予 QoS 0</translation>
    </message>
    <message>
        <source>Granted QoS 1</source>
        <translation>已授予 QoS 1</translation>
    </message>
    <message>
        <source>Granted QoS 2</source>
        <translation>已授予 QoS 2</translation>
    </message>
    <message>
        <source>Implementation specific error</source>
        <translation>实现相关的错误</translation>
    </message>
    <message>
        <source>Keep alive timeout</source>
        <translation>保活超时</translation>
    </message>
    <message>
        <source>Malformed packet</source>
        <translation>报文格式错误</translation>
    </message>
    <message>
        <source>Maximum connect time</source>
        <translation>超出最长连接时间</translation>
    </message>
    <message>
        <source>Message rate too high</source>
        <translation>消息速率过高</translation>
    </message>
    <message>
        <source>No matching subscribers</source>
        <translation>没有匹配的订阅者</translation>
    </message>
    <message>
        <source>No subscription found</source>
        <translation>未找到订阅</translation>
    </message>
    <message>
        <source>Normal disconnection</source>
        <translation>正常断开连接</translation>
    </message>
    <message>
        <source>Not authorized</source>
        <translation>未授权</translation>
    </message>
    <message>
        <source>Packet identifier in use</source>
        <translation>报文标识符已被占用</translation>
    </message>
    <message>
        <source>Packet identifier not found</source>
        <translation>未找到报文标识符</translation>
    </message>
    <message>
        <source>Packet too large</source>
        <translation>报文过大</translation>
    </message>
    <message>
        <source>Payload format invalid</source>
        <translation>负载格式无效</translation>
    </message>
    <message>
        <source>Protocol error</source>
        <translation>协议错误</translation>
    </message>
    <message>
        <source>QoS not supported</source>
        <translation>不支持该 QoS</translation>
    </message>
    <message>
        <source>Quota exceeded</source>
        <translation>超出配额</translation>
    </message>
    <message>
        <source>Re-authenticate</source>
        <translation>重新认证</translation>
    </message>
    <message>
        <source>Receive maximum exceeded</source>
        <translation>超出接收最大值</translation>
    </message>
    <message>
        <source>Retain not supported</source>
        <translation>不支持保留消息</translation>
    </message>
    <message>
        <source>Server busy</source>
        <translation>服务器繁忙</translation>
    </message>
    <message>
        <source>Server moved</source>
        <translation>服务器已迁移</translation>
    </message>
    <message>
        <source>Server shutting down</source>
        <translation>服务器正在关闭</translation>
    </message>
    <message>
        <source>Server unavailable</source>
        <translation>服务器不可用</translation>
    </message>
    <message>
        <source>Session taken over</source>
        <translation>会话已被接管</translation>
    </message>
    <message>
        <source>Shared subscription not supported</source>
        <translation>不支持共享订阅</translation>
    </message>
    <message>
        <source>Subscription identifiers not supported</source>
        <translation>不支持订阅标识符</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Topic alias invalid</source>
        <translation>主题别名无效</translation>
    </message>
    <message>
        <source>Topic filter invalid</source>
        <translation>主题过滤器无效</translation>
    </message>
    <message>
        <source>Topic name invalid</source>
        <translation>主题名无效</translation>
    </message>
    <message>
        <source>Unspecified error</source>
        <translation>未指明的错误</translation>
    </message>
    <message>
        <source>Unsupported protocol version</source>
        <translation>不支持的协议版本</translation>
    </message>
    <message>
        <source>Use another server</source>
        <translation>请使用其他服务器</translation>
    </message>
    <message>
        <source>Wildcard subscription not supported</source>
        <translation>不支持通配符订阅</translation>
    </message>
    <message>
        <source>A TLS error occurred.</source>
        <translation>发生 TLS 错误。</translation>
    </message>
    <message>
        <source>A network protocol error occurred when communicating with the broker.</source>
        <translation>与服务器通信时发生网络协议错误。</translation>
    </message>
    <message>
        <source>Access denied by ACL.</source>
        <translation>ACL 拒绝访问。</translation>
    </message>
    <message>
        <source>Authorisation failed.</source>
        <translation>授权失败。</translation>
    </message>
    <message>
        <source>Client or broker did not communicate in the keepalive interval.</source>
        <translation>客户端或服务器在保活间隔内没有通信。</translation>
    </message>
    <message>
        <source>Connection Accepted.</source>
        <translation>连接已接受。</translation>
    </message>
    <message>
        <source>Connection Refused: bad user name or password.</source>
        <translation>连接被拒绝：用户名或密码错误。</translation>
    </message>
    <message>
        <source>Connection Refused: broker unavailable.</source>
        <translation>连接被拒绝：服务器不可用。</translation>
    </message>
    <message>
        <source>Connection Refused: identifier rejected.</source>
        <translation>连接被拒绝：客户端 ID 被拒绝。</translation>
    </message>
    <message>
        <source>Connection Refused: not authorised.</source>
        <translation>连接被拒绝：未授权。</translation>
    </message>
    <message>
        <source>Connection Refused: unacceptable protocol version.</source>
        <translation>连接被拒绝：协议版本不被接受。</translation>
    </message>
    <message>
        <source>Connection Refused: unknown reason.</source>
        <translation>连接被拒绝：原因未知。</translation>
    </message>
    <message>
        <source>Error defined by errno.</source>
        <translation>系统错误（errno）。</translation>
    </message>
    <message>
        <source>Invalid function arguments provided.</source>
        <translation>函数参数无效。</translation>
    </message>
    <message>
        <source>Message not found (internal error).</source>
        <translation>未找到消息（内部错误）。</translation>
    </message>
    <message>
        <source>Message queue full.</source>
        <translation>消息队列已满。</translation>
    </message>
    <message>
        <source>No error.</source>
        <translation>无错误。</translation>
    </message>
    <message>
        <source>Out of memory.</source>
        <translation>内存不足。</translation>
    </message>
    <message>
        <source>Payload too large.</source>
        <translation>负载过大。</translation>
    </message>
    <message>
        <source>The client is not currently connected.</source>
        <translation>客户端当前未连接。</translation>
    </message>
    <message>
        <source>The connection was lost.</source>
        <translation>连接已中断。</translation>
    </message>
    <message>
        <source>The connection was refused.</source>
        <translation>连接被拒绝。</translation>
    </message>
    <message>
        <source>This feature is not supported.</source>
        <translation>不支持此功能。</translation>
    </message>
    <message>
        <source>Unknown error.</source>
        <translation>未知错误。</translation>
    </message>
</context>
<context>
    <name>ReplayDialog</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Replay session</source>
        <translation>回放会话</translation>
    </message>
    <message>
        <source>Publishes the received messages of a session file to a broker, with their topics, payloads, QoS, retain flags and MQTT 5 properties.</source>
        <translation>将会话文件中收到的消息发布到服务器，包括其主题、负载、QoS、保留标志和 MQTT 5 属性。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Session file:</source>
        <translation>会话文件：</translation>
    </message>
    <message>
        <source>To broker:</source>
        <translation>目标服务器：</translation>
    </message>
    <message>
        <source>As recorded (1×)</source>
        <translation>按录制速度（1×）</translation>
    </message>
    <message>
        <source>2× faster</source>
        <translation>2 倍速</translation>
    </message>
    <message>
        <source>10× faster</source>
        <translation>10 倍速</translation>
    </message>
    <message>
        <source>100× faster</source>
        <translation>100 倍速</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <source>Other factor:</source>
        <translation>其他倍数：</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>速度：</translation>
    </message>
    <message>
        <source>none (the recorded topics)</source>
        <translation>无（使用录制的主题）</translation>
    </message>
    <message>
        <source>Topic prefix:</source>
        <translation>主题前缀：</translation>
    </message>
    <message>
        <source>reading %p%</source>
        <translation>正在读取 %p%</translation>
    </message>
    <message>
        <source>%1 of %2 sent</source>
        <translation>已发送 %1/%2</translation>
    </message>
    <message>
        <source>Paused after %1 of %2 messages; Resume goes on from there.</source>
        <translation>已在第 %1/%2 条消息后暂停；点击“继续”从此处接着回放。</translation>
    </message>
    <message>
        <source>Replaying %1 messages…</source>
        <translation>正在回放 %1 条消息…</translation>
    </message>
    <message>
        <source>No connected broker to replay to: connect a tab first.</source>
        <translation>没有可回放的已连接服务器：请先连接一个标签页。</translation>
    </message>
    <message>
        <source>Replay session file</source>
        <translation>回放会话文件</translation>
    </message>
    <message>
        <source>Session files (*.jsonl);;All files (*)</source>
        <translation>会话文件 (*.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a connected broker to replay to.</source>
        <translation>请选择要回放到的已连接服务器。</translation>
    </message>
    <message>
        <source>The topic prefix cannot start a topic name: %1</source>
        <translation>此主题前缀不能作为主题名的开头：%1</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The target connection was closed.</source>
        <translation>目标连接已关闭。</translation>
    </message>
    <message>
        <source> (%1 skipped; first: %2)</source>
        <translation>（跳过 %1；第一处：%2）</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Session file</source>
        <translation>会话文件</translation>
    </message>
    <message>
        <source>Speed factor</source>
        <translation>速度倍数</translation>
    </message>
</context>
<context>
    <name>RetainedCleaner</name>
    <message>
        <source>not connected to the broker</source>
        <translation>未连接到服务器</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>SaveTemplateDialog</name>
    <message>
        <source>Save as Template</source>
        <translation>另存为模板</translation>
    </message>
    <message>
        <source>e.g. Kitchen light on</source>
        <translation>例如：打开厨房灯</translation>
    </message>
    <message>
        <source>Pick a group or type a new one</source>
        <translation>选择一个分组或输入新分组</translation>
    </message>
    <message>
        <source>Saves the topic, payload, QoS, retain flag and MQTT 5 properties of the composer as they are now.</source>
        <translation>保存编辑器当前的主题、负载、QoS、保留标志和 MQTT 5 属性。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>分组(&amp;G)：</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>there is no D-Bus session bus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain holds no saved secret for this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain (secret service) is running, so the secret cannot be saved (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain (secret service) is running, so the saved secret cannot be read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionActions</name>
    <message>
        <source>&amp;Open Session…</source>
        <translation>打开会话(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Record…</source>
        <translation>录制(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Re&amp;play Session…</source>
        <translation>回放会话(&amp;P)…</translation>
    </message>
    <message>
        <source>Open a session file (also one made by mqtt-inspector-cli record) into an offline tab</source>
        <translation>在离线标签页中打开会话文件（包括 mqtt-inspector-cli record 生成的文件）</translation>
    </message>
    <message>
        <source>Record everything this connection receives, sends and logs to a session file</source>
        <translation>将此连接接收、发送的所有消息及日志录制到会话文件</translation>
    </message>
    <message>
        <source>Export messages and the log as a session file or CSV</source>
        <translation>将消息和日志导出为会话文件或 CSV</translation>
    </message>
    <message>
        <source>Publish the messages of a session file to a connected broker</source>
        <translation>将会话文件中的消息发布到已连接的服务器</translation>
    </message>
    <message>
        <source>Stop &amp;Recording</source>
        <translation>停止录制(&amp;R)</translation>
    </message>
    <message>
        <source>Open session file</source>
        <translation>打开会话文件</translation>
    </message>
    <message>
        <source>Session files (*.jsonl);;All files (*)</source>
        <translation>会话文件 (*.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>%1
recorded from %2</source>
        <translation>%1
录制自 %2</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 cannot be opened.</source>
        <translation>无法打开 %1。</translation>
    </message>
    <message>
        <source>Offline: %1 · %2 messages, %3 events · recorded from %4 at %5 UTC</source>
        <translation>离线：%1 · %2 条消息，%3 个事件 · 于 %5 UTC 录制自 %4</translation>
    </message>
    <message>
        <source> · loading cancelled</source>
        <translation> · 已取消载入</translation>
    </message>
    <message>
        <source> · %1 skipped</source>
        <translation> · 跳过 %1</translation>
    </message>
    <message>
        <source> · stopped: %1</source>
        <translation> · 已停止：%1</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… 另有 %1 条</translation>
    </message>
    <message>
        <source>Record to</source>
        <translation>录制到</translation>
    </message>
    <message>
        <source>No connection to record.</source>
        <translation>没有可录制的连接。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>录制</translation>
    </message>
    <message>
        <source>Recording did not start.</source>
        <translation>录制未能开始。</translation>
    </message>
    <message>
        <source>Recording to %1</source>
        <translation>正在录制到 %1</translation>
    </message>
    <message>
        <source>The recording could not be completed.</source>
        <translation>录制未能完成。</translation>
    </message>
    <message>
        <source>Recorded %1 events to %2</source>
        <translation>已将 %1 个事件录制到 %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) of %1 could not be read and skipped; the other %2 events were loaded.

First: %3</source>
        <translation>
            <numerusform>%1 中有 %Ln 行无法读取，已跳过；其余 %2 个事件已载入。

第一处：%3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionRecorder</name>
    <message>
        <source>Recording stopped: %1</source>
        <translation>录制已停止：%1</translation>
    </message>
</context>
<context>
    <name>SessionReplayer</name>
    <message>
        <source>The connection was lost after %1 of %2 messages.</source>
        <translation>在第 %1/%2 条消息后连接中断。</translation>
    </message>
    <message>
        <source>Not connected to a broker.</source>
        <translation>未连接到服务器。</translation>
    </message>
    <message>
        <source>Replay cancelled after %1 of %2 messages.</source>
        <translation>已在第 %1/%2 条消息后取消回放。</translation>
    </message>
    <message>
        <source>Publishing message %1 (%2) failed: %3</source>
        <translation>发布第 %1 条消息（%2）失败：%3</translation>
    </message>
    <message>
        <source>Replayed %1 messages.</source>
        <translation>已回放 %1 条消息。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Filter commands and keys</source>
        <translation>按命令或按键筛选</translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation>筛选快捷键</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Send the composed message (Publish dock)</source>
        <translation>发送编辑好的消息（发布面板）</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Move between areas of the window</source>
        <translation>在窗口各区域之间移动</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab、Shift+Tab</translation>
    </message>
    <message>
        <source>Next / previous pane or details page</source>
        <translation>下一个 / 上一个窗格或详情页</translation>
    </message>
    <message>
        <source>Ctrl+Tab, Ctrl+Shift+Tab</source>
        <translation>Ctrl+Tab、Ctrl+Shift+Tab</translation>
    </message>
    <message>
        <source>Expand / collapse a tree level</source>
        <translation>展开 / 折叠树的一层</translation>
    </message>
    <message>
        <source>Right, Left</source>
        <translation>→、←</translation>
    </message>
    <message>
        <source>Open the context menu of a row</source>
        <translation>打开某一行的右键菜单</translation>
    </message>
    <message>
        <source>Menu, Shift+F10</source>
        <translation>菜单键、Shift+F10</translation>
    </message>
    <message>
        <source>Rename a template (Templates page)</source>
        <translation>重命名模板（模板页）</translation>
    </message>
    <message>
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <source>In views</source>
        <translation>在视图中</translation>
    </message>
</context>
<context>
    <name>TemplateSendDelegate</name>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
</context>
<context>
    <name>TemplateStore</name>
    <message>
        <source>General</source>
        <translation>常用</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>The name is empty</source>
        <translation>名称为空</translation>
    </message>
    <message>
        <source>Nothing to rename</source>
        <translation>没有可重命名的项</translation>
    </message>
    <message>
        <source>A group named &quot;%1&quot; exists already</source>
        <translation>已存在名为“%1”的分组</translation>
    </message>
    <message>
        <source>&quot;%1&quot; already has a template named &quot;%2&quot;</source>
        <translation>“%1”中已有名为“%2”的模板</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>QoS %1</source>
        <translation>QoS %1</translation>
    </message>
    <message>
        <source>, retained</source>
        <translation>，保留消息</translation>
    </message>
    <message>
        <source>%1 of binary data</source>
        <translation>%1的二进制数据</translation>
    </message>
    <message>
        <source>%1
%2 [%3]
%4</source>
        <translation>%1
%2 [%3]
%4</translation>
    </message>
    <message>
        <source>(empty payload)</source>
        <translation>（空负载）</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>The file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>Not a JSON file: %1 at byte %2</source>
        <translation>不是 JSON 文件：%1（第 %2 字节）</translation>
    </message>
    <message>
        <source>Not a templates file: the JSON is not an object</source>
        <translation>不是模板文件：JSON 不是对象</translation>
    </message>
    <message>
        <source>Not a templates file: &quot;format&quot; is missing (expected &quot;%1&quot;)</source>
        <translation>不是模板文件：缺少“format”（应为“%1”）</translation>
    </message>
    <message>
        <source>Not a templates file: &quot;format&quot; is &quot;%1&quot;, expected &quot;%2&quot;</source>
        <translation>不是模板文件：“format”为“%1”，应为“%2”</translation>
    </message>
    <message>
        <source>&quot;version&quot; is missing or not a number</source>
        <translation>缺少“version”或其不是数字</translation>
    </message>
    <message>
        <source>Version %1 of the templates format is not supported (this program reads version %2)</source>
        <translation>不支持第 %1 版模板格式（本程序读取第 %2 版）</translation>
    </message>
    <message>
        <source>&quot;groups&quot; must be an array of group names</source>
        <translation>“groups”必须是分组名称的数组</translation>
    </message>
    <message>
        <source>Group %1: the name is missing or not a string</source>
        <translation>分组 %1：缺少名称或名称不是字符串</translation>
    </message>
    <message>
        <source>&quot;templates&quot; is missing or not an array</source>
        <translation>缺少“templates”或其不是数组</translation>
    </message>
    <message>
        <source>Template %1: not a JSON object</source>
        <translation>模板 %1：不是 JSON 对象</translation>
    </message>
    <message>
        <source>Template %1 (&quot;%2&quot;): %3</source>
        <translation>模板 %1（“%2”）：%3</translation>
    </message>
    <message>
        <source>Template %1: %2</source>
        <translation>模板 %1：%2</translation>
    </message>
    <message>
        <source>%1/%2 → %3</source>
        <translation>%1/%2 → %3</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is too large for a templates file</source>
        <translation>%1 太大，不是模板文件</translation>
    </message>
</context>
<context>
    <name>TemplatesPanel</name>
    <message>
        <source>Double-click to load a template into the composer; Send publishes it; drag to reorder or move to another group</source>
        <translation>双击将模板载入编辑器；“发送”直接发布；拖动可调整顺序或移到其他分组</translation>
    </message>
    <message>
        <source>No templates yet.

Fill in the composer, then click “Save current as template…” to keep the message for later, or import a JSON file of templates.</source>
        <translation>还没有模板。

在编辑器中填好消息后，点击“将当前消息存为模板…”以便日后使用，或导入模板 JSON 文件。</translation>
    </message>
    <message>
        <source>Save current as template…</source>
        <translation>将当前消息存为模板…</translation>
    </message>
    <message>
        <source>Keep the composer&apos;s topic, payload, QoS, retain and properties</source>
        <translation>保存编辑器中的主题、负载、QoS、保留标志和属性</translation>
    </message>
    <message>
        <source>Import / Export</source>
        <translation>导入 / 导出</translation>
    </message>
    <message>
        <source>Load into Composer</source>
        <translation>载入编辑器</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Send Now</source>
        <translation>立即发送</translation>
    </message>
    <message>
        <source>Publish the template</source>
        <translation>发布此模板</translation>
    </message>
    <message>
        <source>Put the template into the composer to edit it before sending</source>
        <translation>将模板放入编辑器，修改后再发送</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Rename the template or group</source>
        <translation>重命名模板或分组</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <source>A copy right below, to change a little</source>
        <translation>在下方创建一个副本，便于稍作修改</translation>
    </message>
    <message>
        <source>Move to Group…</source>
        <translation>移到分组…</translation>
    </message>
    <message>
        <source>File the template in another group</source>
        <translation>将模板移到其他分组</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move up (Ctrl+Up)</source>
        <translation>上移（Ctrl+Up）</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move down (Ctrl+Down)</source>
        <translation>下移（Ctrl+Down）</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete the template or group</source>
        <translation>删除模板或分组</translation>
    </message>
    <message>
        <source>New Group…</source>
        <translation>新建分组…</translation>
    </message>
    <message>
        <source>A group to file templates in</source>
        <translation>新建用于归类模板的分组</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Add the templates of a JSON file</source>
        <translation>添加 JSON 文件中的模板</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write all templates to a JSON file</source>
        <translation>将所有模板写入 JSON 文件</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Saved “%1” in %2</source>
        <translation>已将“%1”保存到 %2</translation>
    </message>
    <message>
        <source>Nothing imported. %1</source>
        <translation>未导入任何内容。%1</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>已导入 %1</translation>
    </message>
    <message>
        <source>; names already taken were kept with a suffix: %1</source>
        <translation>；重名的模板已加后缀保留：%1</translation>
    </message>
    <message>
        <source>Not exported. %1</source>
        <translation>未导出。%1</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>已将 %1 导出到 %2</translation>
    </message>
    <message>
        <source>Template Exists</source>
        <translation>模板已存在</translation>
    </message>
    <message>
        <source>“%1” already has a template named “%2”.</source>
        <translation>“%1”中已有名为“%2”的模板。</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Keep Both</source>
        <translation>保留两者</translation>
    </message>
    <message>
        <source>New Group</source>
        <translation>新建分组</translation>
    </message>
    <message>
        <source>Group name:</source>
        <translation>分组名称：</translation>
    </message>
    <message>
        <source>A group named “%1” exists already</source>
        <translation>已存在名为“%1”的分组</translation>
    </message>
    <message>
        <source>Rename Group</source>
        <translation>重命名分组</translation>
    </message>
    <message>
        <source>Rename Template</source>
        <translation>重命名模板</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Not renamed: %1</source>
        <translation>未重命名：%1</translation>
    </message>
    <message>
        <source>Move to Group</source>
        <translation>移到分组</translation>
    </message>
    <message>
        <source>Move “%1” to the group (pick one or type a new one):</source>
        <translation>将“%1”移到分组（选择现有分组或输入新分组）：</translation>
    </message>
    <message>
        <source>Delete the empty group “%1”?</source>
        <translation>删除空分组“%1”？</translation>
    </message>
    <message>
        <source>Delete the group “%1” and its %2?</source>
        <translation>删除分组“%1”及其中的 %2？</translation>
    </message>
    <message>
        <source>Delete the template “%1”?</source>
        <translation>删除模板“%1”？</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import Templates</source>
        <translation>导入模板</translation>
    </message>
    <message>
        <source>Templates (*.json);;All files (*)</source>
        <translation>模板 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export Templates</source>
        <translation>导出模板</translation>
    </message>
    <message>
        <source>mqtt-templates.json</source>
        <translation>mqtt-templates.json</translation>
    </message>
    <message>
        <source>Saved templates</source>
        <translation>已保存的模板</translation>
    </message>
</context>
<context>
    <name>TopTalkersModel</name>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Msgs/s</source>
        <translation>消息/秒</translation>
    </message>
    <message>
        <source>Bytes/s</source>
        <translation>字节/秒</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
</context>
<context>
    <name>TopicDetails</name>
    <message>
        <source>1 (UTF-8 text)</source>
        <translation>1（UTF-8 文本）</translation>
    </message>
    <message>
        <source>%1 (unspecified bytes)</source>
        <translation>%1（未指定的字节）</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>负载</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>数值(&amp;V)：</translation>
    </message>
    <message>
        <source>No topic selected</source>
        <translation>未选择主题</translation>
    </message>
    <message>
        <source>Select a topic in the tree to see its messages.</source>
        <translation>在主题树中选择一个主题以查看其消息。</translation>
    </message>
    <message>
        <source>No message on this level itself; its messages are on the topics below it.</source>
        <translation>此层级本身没有消息；消息位于它下面的主题中。</translation>
    </message>
    <message>
        <source>No message was published on this level.
Select a topic below it to see its payload.</source>
        <translation>此层级上没有发布过消息。
请选择它下面的主题以查看负载。</translation>
    </message>
    <message>
        <source>QoS %1</source>
        <translation>QoS %1</translation>
    </message>
    <message>
        <source>retained</source>
        <translation>保留消息</translation>
    </message>
    <message>
        <source>dup</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Retain</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Dup</source>
        <translation>重复（DUP）</translation>
    </message>
    <message>
        <source>Packet id</source>
        <translation>报文标识符</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Payload size</source>
        <translation>负载大小</translation>
    </message>
    <message>
        <source>MQTT 5 properties</source>
        <translation>MQTT 5 属性</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Select a message to see its payload.</source>
        <translation>选择一条消息以查看其负载。</translation>
    </message>
    <message>
        <source>No messages to compare.</source>
        <translation>没有可对比的消息。</translation>
    </message>
    <message>
        <source>Only one message so far: nothing to compare it with.</source>
        <translation>目前只有一条消息，没有可对比的对象。</translation>
    </message>
    <message>
        <source>Message at %1 (%2) against the one before it at %3 (%4)</source>
        <translation>%1 的消息（%2）与之前 %3 的消息（%4）对比</translation>
    </message>
    <message>
        <source>Too large to diff (limit %1).</source>
        <translation>内容太大，无法对比（上限 %1）。</translation>
    </message>
    <message>
        <source>Too large to diff: %1 and %2 lines (limit %3).</source>
        <translation>内容太大，无法对比：%1 行和 %2 行（上限 %3）。</translation>
    </message>
    <message>
        <source>The payloads are identical.</source>
        <translation>两条负载完全相同。</translation>
    </message>
    <message>
        <source>%1: %2 added, %3 removed</source>
        <translation>%1：新增 %2，删除 %3 行</translation>
    </message>
    <message>
        <source>Payload value</source>
        <translation>负载数值</translation>
    </message>
    <message>
        <source>No topic selected.</source>
        <translation>未选择主题。</translation>
    </message>
    <message>
        <source>No messages on this level to chart.</source>
        <translation>此层级没有可绘制图表的消息。</translation>
    </message>
    <message>
        <source>The last payload (%1) is too large to chart.</source>
        <translation>最新负载（%1）太大，无法绘制图表。</translation>
    </message>
    <message>
        <source>Nothing to chart: the last payload is neither a number nor JSON with numeric fields.</source>
        <translation>无可绘制内容：最新负载既不是数字，也不是含数值字段的 JSON。</translation>
    </message>
    <message>
        <source>No message has a number at &quot;%1&quot;.</source>
        <translation>没有消息在“%1”处包含数字。</translation>
    </message>
    <message>
        <source>Message history</source>
        <translation>消息历史</translation>
    </message>
    <message>
        <source>Difference to the previous message</source>
        <translation>与上一条消息的差异</translation>
    </message>
</context>
<context>
    <name>TopicSearchModel</name>
    <message>
        <source>Matching topic</source>
        <translation>匹配的主题</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <source>Last payload</source>
        <translation>最新负载</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Msgs/s</source>
        <translation>消息/秒</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>TopicTree</name>
    <message>
        <source>Payloads</source>
        <translation>负载</translation>
    </message>
    <message>
        <source>Filter topics (Ctrl+F)</source>
        <translation>过滤主题（Ctrl+F）</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>MQTT filter</source>
        <translation>MQTT 过滤器</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Text: case-insensitive substring
MQTT filter: wildcards as in a subscription (sensors/+/temp, home/#)
Regex: a regular expression</source>
        <translation>文本：不区分大小写的子串匹配
MQTT 过滤器：与订阅相同的通配符（sensors/+/temp、home/#）
正则表达式：按正则表达式匹配</translation>
    </message>
    <message>
        <source>Also match the last payload of each topic</source>
        <translation>同时匹配每个主题的最新负载</translation>
    </message>
    <message>
        <source>by messages per second</source>
        <translation>按每秒消息数</translation>
    </message>
    <message>
        <source>by bytes per second</source>
        <translation>按每秒字节数</translation>
    </message>
    <message>
        <source>Topics ranked by current rate, refreshed every second</source>
        <translation>按当前速率排序的主题，每秒刷新</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>主题树</translation>
    </message>
    <message>
        <source>Top talkers</source>
        <translation>流量排行</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>%1 topics</source>
        <translation>%1 个主题</translation>
    </message>
    <message>
        <source>%1 of %2%3</source>
        <translation>%1 / %2%3</translation>
    </message>
    <message>
        <source>Copy topic</source>
        <translation>复制主题</translation>
    </message>
    <message>
        <source>Copy payload</source>
        <translation>复制负载</translation>
    </message>
    <message>
        <source>Watch %1 in a new pane</source>
        <translation>在新窗格中查看 %1</translation>
    </message>
    <message>
        <source>Publish to this topic…</source>
        <translation>发布到此主题…</translation>
    </message>
    <message>
        <source>Delete retained message</source>
        <translation>删除保留消息</translation>
    </message>
    <message>
        <source>Delete retained messages under this subtree…</source>
        <translation>删除此子树下的保留消息…</translation>
    </message>
    <message>
        <source>Expand subtree</source>
        <translation>展开子树</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>全部折叠</translation>
    </message>
    <message>
        <source>Delete retained messages</source>
        <translation>删除保留消息</translation>
    </message>
    <message numerus="yes">
        <source>%n retained message(s) could not be deleted. First failure: %1</source>
        <translation>
            <numerusform>%n 条保留消息未能删除。第一处失败：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>The retained message of %1 was not deleted: %2</source>
        <translation>%1 的保留消息未能删除：%2</translation>
    </message>
    <message>
        <source>all topics</source>
        <translation>所有主题</translation>
    </message>
    <message>
        <source>Delete the retained message of 1 topic under %1?</source>
        <translation>删除 %1 下 1 个主题的保留消息？</translation>
    </message>
    <message>
        <source>Delete the retained messages of %1 topics under %2?</source>
        <translation>删除 %2 下 %1 个主题的保留消息？</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… 另有 %1 条</translation>
    </message>
    <message>
        <source>An empty retained message (QoS 1) is published to each of them; the broker then forgets it. This cannot be undone.

%1</source>
        <translation>将向每个主题发布一条空的保留消息（QoS 1），服务器随即删除原有的保留消息。此操作无法撤销。

%1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>%1 of %2 retained messages were not deleted: %3</source>
        <translation>%2 条保留消息中有 %1 条未能删除：%3</translation>
    </message>
    <message>
        <source>Filter topics</source>
        <translation>过滤主题</translation>
    </message>
    <message>
        <source>Topic tree</source>
        <translation>主题树</translation>
    </message>
    <message>
        <source>Matching topics</source>
        <translation>匹配的主题</translation>
    </message>
</context>
<context>
    <name>TopicTreeModel</name>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主题数</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <source>Last payload</source>
        <translation>最新负载</translation>
    </message>
    <message>
        <source>Retained</source>
        <translation>保留消息</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Msgs/s</source>
        <translation>消息/秒</translation>
    </message>
    <message>
        <source>Bytes/s</source>
        <translation>字节/秒</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop inspector for MQTT brokers</source>
        <translation>MQTT 服务器桌面调试工具</translation>
    </message>
    <message>
        <source>Open a tab connected to URL (mqtt://, mqtts://, ws://, wss://; a path on mqtt:// is the topic to subscribe). Repeatable.</source>
        <translation>打开一个连接到 URL 的标签页（mqtt://、mqtts://、ws://、wss://；mqtt:// 上的路径即要订阅的主题）。可重复使用。</translation>
    </message>
    <message>
        <source>Broker host to connect to.</source>
        <translation>要连接的服务器主机。</translation>
    </message>
    <message>
        <source>Broker port.</source>
        <translation>服务器端口。</translation>
    </message>
    <message>
        <source>Filter to subscribe to (repeatable; default # and $SYS/#).</source>
        <translation>要订阅的主题过滤器（可重复；默认为 # 和 $SYS/#）。</translation>
    </message>
    <message>
        <source>Session files to open offline (as written by File &gt; Record, Export or mqtt-inspector-cli record).</source>
        <translation>要离线打开的会话文件（由“文件 &gt; 录制”、“导出”或 mqtt-inspector-cli record 生成）。</translation>
    </message>
</context>
</TS>
