<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccessKeyInventoryCsv</name>
    <message>
        <source>The report cannot be saved as %1: %2.</source>
        <translation>无法将报告保存为 %1：%2。</translation>
    </message>
    <message>
        <source>The report could not be written to %1: %2. The file was not changed.</source>
        <translation>无法将报告写入 %1：%2。文件未被更改。</translation>
    </message>
</context>
<context>
    <name>DemoProfiles</name>
    <message>
        <source>The sandbox&apos;s demo account %1 cannot be read: %2. Start the sandbox with --demo.</source>
        <translation>无法读取沙箱的演示账号 %1：%2。请使用 --demo 启动沙箱。</translation>
    </message>
    <message>
        <source>The sandbox&apos;s certificate %1 is missing.</source>
        <translation>缺少沙箱的证书 %1。</translation>
    </message>
    <message>
        <source>The sandbox&apos;s demo account is not a JSON object: %1.</source>
        <translation>沙箱的演示账号不是 JSON 对象：%1。</translation>
    </message>
    <message>
        <source>The sandbox&apos;s demo account has no HTTPS endpoint.</source>
        <translation>沙箱的演示账号没有 HTTPS Endpoint。</translation>
    </message>
    <message>
        <source>The sandbox&apos;s demo account has no %1.</source>
        <translation>沙箱的演示账号缺少 %1。</translation>
    </message>
    <message>
        <source>%1 (sandbox)</source>
        <translation>%1（沙箱）</translation>
    </message>
</context>
<context>
    <name>EndpointPolicy</name>
    <message>
        <source>%1 is not an https:// address: the secret and the key values would cross the network in clear text. Plain http:// is only for this machine (localhost, 127.0.0.1, ::1).</source>
        <translation>%1 不是 https:// 地址：密钥和密钥值会以明文在网络上传输。明文 http:// 只能用于本机（localhost、127.0.0.1、::1）。</translation>
    </message>
</context>
<context>
    <name>HttpAuth</name>
    <message>
        <source>The server asked for the secret in clear text (HTTP Basic) over plain http://: KeyDesk did not send it. Use the service&apos;s https:// address.</source>
        <translation>服务器要求通过明文 http:// 以明文（HTTP Basic）发送密钥：KeyDesk 未发送。请使用该服务的 https:// 地址。</translation>
    </message>
    <message>
        <source>The server asked for an authentication KeyDesk does not answer (%1): the secret was not sent.</source>
        <translation>服务器要求的认证方式（%1）KeyDesk 不予应答：密钥未发送。</translation>
    </message>
</context>
<context>
    <name>KeyError</name>
    <message>
        <source>%1 (request id %2)</source>
        <translation>%1（请求 ID：%2）</translation>
    </message>
</context>
<context>
    <name>KeyStatus</name>
    <message>
        <source>Active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>无效</translation>
    </message>
</context>
<context>
    <name>KeyUsageText</name>
    <message>
        <source>%1 of %2 keys in this workspace</source>
        <translation>本业务空间已有 %1 个密钥（上限 %2 个）</translation>
    </message>
    <message>
        <source>%1 of %2 keys</source>
        <translation>已有 %1 个密钥（上限 %2 个）</translation>
    </message>
    <message>
        <source>The limit of %1 keys is reached: delete a key to create another.</source>
        <translation>已达到 %1 个密钥的配额上限：请先删除一个密钥，再创建新密钥。</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n 个密钥</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 creations left today</source>
        <translation>今日还可创建 %1 次（共 %2 次）</translation>
    </message>
    <message>
        <source>No creations left today: the count starts again at %1.</source>
        <translation>今日创建次数已用完：将于 %1 重新计数。</translation>
    </message>
    <message>
        <source>No creations left today.</source>
        <translation>今日创建次数已用完。</translation>
    </message>
</context>
<context>
    <name>PageGuard</name>
    <message>
        <source>A page of the list holds %1 items, more than the %2 asked for: the answer was refused.</source>
        <translation>列表的一页包含 %1 项，超过了请求的 %2 项：已拒绝该应答。</translation>
    </message>
    <message>
        <source>The list holds more than %1 items: it was stopped there.</source>
        <translation>列表超过 %1 项：已在此停止。</translation>
    </message>
    <message>
        <source>The server gave a page marker it had given before: the list would never end, so it was stopped.</source>
        <translation>服务器返回了之前给过的分页标记：列表永远不会结束，因此已停止。</translation>
    </message>
    <message>
        <source>The list has more than %1 pages: it was stopped there.</source>
        <translation>列表超过 %1 页：已在此停止。</translation>
    </message>
</context>
<context>
    <name>PassphraseJob</name>
    <message>
        <source>The console passphrase is no longer available.</source>
        <translation>控制台口令已不可用。</translation>
    </message>
    <message>
        <source>The passphrase must not be empty.</source>
        <translation>口令不能为空。</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passphrases: wait %n second(s) before trying again.</source>
        <translation>
            <numerusform>口令错误次数过多：请等待 %n 秒后重试。</numerusform>
        </translation>
    </message>
    <message>
        <source>Another passphrase check is running; wait for it to finish.</source>
        <translation>另一项口令验证正在进行，请等待其完成。</translation>
    </message>
    <message>
        <source>A console passphrase is already set; change it with the current one.</source>
        <translation>控制台口令已设置；如需更改，请提供当前口令。</translation>
    </message>
    <message>
        <source>No console passphrase has been set yet.</source>
        <translation>尚未设置控制台口令。</translation>
    </message>
    <message>
        <source>The console passphrase stored in the keychain is not an Argon2id verifier.</source>
        <translation>系统钥匙串中保存的控制台口令不是 Argon2id 校验值。</translation>
    </message>
    <message>
        <source>Argon2id could not get the memory it needs.</source>
        <translation>Argon2id 无法获得所需的内存。</translation>
    </message>
    <message numerus="yes">
        <source>The passphrase is wrong. Wait %n second(s) before trying again.</source>
        <translation>
            <numerusform>口令错误。请等待 %n 秒后重试。</numerusform>
        </translation>
    </message>
    <message>
        <source>The passphrase is wrong.</source>
        <translation>口令错误。</translation>
    </message>
</context>
<context>
    <name>ProfileFields</name>
    <message>
        <source>Singapore</source>
        <translation>新加坡</translation>
    </message>
    <message>
        <source>US (Virginia)</source>
        <translation>美国（弗吉尼亚）</translation>
    </message>
    <message>
        <source>China (Beijing)</source>
        <translation>华北2（北京）</translation>
    </message>
    <message>
        <source>Empty: the same as the endpoint</source>
        <translation>留空：与 Endpoint 相同</translation>
    </message>
    <message>
        <source>Required, e.g. https://127.0.0.1:8443</source>
        <translation>必填，例如 https://127.0.0.1:8443</translation>
    </message>
    <message>
        <source>RAM&apos;s OpenAPI has one endpoint for every region. Prefer the AccessKey of a RAM user to the root account&apos;s.</source>
        <translation>RAM 的 OpenAPI 在所有地域使用同一个 Endpoint。建议使用 RAM 用户的 AccessKey，而不是主账号的 AccessKey。</translation>
    </message>
    <message>
        <source>The MaaS OpenAPI manages the keys; the data endpoint (DashScope, of the key&apos;s region) tests them and issues temporary keys.</source>
        <translation>MaaS OpenAPI 用于管理密钥；数据面 Endpoint（密钥所在地域的 DashScope）用于测试密钥和签发临时密钥。</translation>
    </message>
    <message>
        <source>DashVector publishes no API to manage keys: the endpoint is a keydesk-sandbox&apos;s. The data endpoint is your cluster&apos;s.</source>
        <translation>DashVector 未提供管理密钥的 API：Endpoint 请填写 keydesk-sandbox 的地址。数据面 Endpoint 请填写您集群的地址。</translation>
    </message>
    <message>
        <source>https://vrs-cn-….dashvector.cn-hangzhou.aliyuncs.com; empty: the endpoint</source>
        <translation>https://vrs-cn-….dashvector.cn-hangzhou.aliyuncs.com；留空：与 Endpoint 相同</translation>
    </message>
    <message>
        <source>Tablestore publishes no API to manage keys: the endpoint is a keydesk-sandbox&apos;s. API keys reach the instance over HTTPS only.</source>
        <translation>Tablestore 未提供管理密钥的 API：Endpoint 请填写 keydesk-sandbox 的地址。API Key 只能通过 HTTPS 访问实例。</translation>
    </message>
    <message>
        <source>https://INSTANCE.cn-hangzhou.ots.aliyuncs.com; empty: the endpoint</source>
        <translation>https://INSTANCE.cn-hangzhou.ots.aliyuncs.com；留空：与 Endpoint 相同</translation>
    </message>
    <message>
        <source>OceanBase Cloud&apos;s OpenAPI. The global site is https://g-api-cloud.oceanbase.com, the China site https://api-cloud-cn.oceanbase.com. Its AccessKey signs with HTTP Digest.</source>
        <translation>OceanBase Cloud 的 OpenAPI。国际站为 https://g-api-cloud.oceanbase.com，中国站为 https://api-cloud-cn.oceanbase.com。其 AccessKey 使用 HTTP Digest 签名。</translation>
    </message>
    <message>
        <source>An address that starts with https:// (or http://), such as https://ram.aliyuncs.com.</source>
        <translation>请输入以 https://（或 http://）开头的地址，例如 https://ram.aliyuncs.com。</translation>
    </message>
    <message>
        <source>There is no readable file at this path.</source>
        <translation>此路径下没有可读取的文件。</translation>
    </message>
    <message>
        <source>The file holds no PEM certificate (-----BEGIN CERTIFICATE-----).</source>
        <translation>该文件不包含 PEM 证书（-----BEGIN CERTIFICATE-----）。</translation>
    </message>
    <message>
        <source>A name is required.</source>
        <translation>名称为必填项。</translation>
    </message>
    <message>
        <source>No control characters (tabs, line breaks).</source>
        <translation>不能包含控制字符（制表符、换行符）。</translation>
    </message>
    <message>
        <source>The endpoint is required: the address of the service&apos;s management API.</source>
        <translation>Endpoint 为必填项：即该服务管理 API 的地址。</translation>
    </message>
    <message>
        <source>Tablestore&apos;s API keys need HTTPS: give an https:// data endpoint.</source>
        <translation>Tablestore 的 API Key 必须使用 HTTPS：请填写以 https:// 开头的数据面 Endpoint。</translation>
    </message>
    <message>
        <source>The AccessKey ID is required: it signs every call.</source>
        <translation>AccessKey ID 为必填项：每次调用都要用它签名。</translation>
    </message>
    <message>
        <source>An AccessKey ID has no spaces or special characters.</source>
        <translation>AccessKey ID 不能包含空格或特殊字符。</translation>
    </message>
    <message>
        <source>The AccessKey secret is required.</source>
        <translation>AccessKey Secret 为必填项。</translation>
    </message>
    <message>
        <source>An AccessKey secret has no spaces or special characters.</source>
        <translation>AccessKey Secret 不能包含空格或特殊字符。</translation>
    </message>
    <message>
        <source>A workspace ID has no spaces or special characters.</source>
        <translation>业务空间 ID 不能包含空格或特殊字符。</translation>
    </message>
    <message>
        <source>The organization ID is required: OceanBase asks for it on every call.</source>
        <translation>组织 ID 为必填项：OceanBase 的每次调用都需要它。</translation>
    </message>
    <message>
        <source>An ID has no spaces or special characters.</source>
        <translation>ID 不能包含空格或特殊字符。</translation>
    </message>
    <message>
        <source>The project ID is required: OceanBase asks for it on every call.</source>
        <translation>项目 ID 为必填项：OceanBase 的每次调用都需要它。</translation>
    </message>
    <message>
        <source>The instance name is required: Tablestore&apos;s API keys belong to an instance.</source>
        <translation>实例名称为必填项：Tablestore 的 API Key 归属于实例。</translation>
    </message>
    <message>
        <source>An instance name has no spaces or special characters.</source>
        <translation>实例名称不能包含空格或特殊字符。</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>%1 is not a URL.</source>
        <translation>%1 不是 URL。</translation>
    </message>
    <message>
        <source>%1 must start with https:// or http://.</source>
        <translation>%1 必须以 https:// 或 http:// 开头。</translation>
    </message>
    <message>
        <source>%1 has no host.</source>
        <translation>%1 缺少主机名。</translation>
    </message>
    <message>
        <source>%1 is not a single text value.</source>
        <translation>%1 不是单个文本值。</translation>
    </message>
    <message>
        <source>%1 is not a whole number.</source>
        <translation>%1 不是整数。</translation>
    </message>
    <message>
        <source>The id may hold only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (at most 64).</source>
        <translation>ID 只能包含字母、数字、“.”、“_”和“-”（最多 64 个字符）。</translation>
    </message>
    <message>
        <source>service is missing.</source>
        <translation>缺少 service。</translation>
    </message>
    <message>
        <source>service &quot;%1&quot; is not a service KeyDesk knows.</source>
        <translation>service 的值“%1”不是 KeyDesk 支持的服务。</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be read.</source>
        <translation>无法读取设置文件 %1。</translation>
    </message>
    <message>
        <source>A profile with the id %1 exists.</source>
        <translation>ID 为 %1 的配置已存在。</translation>
    </message>
    <message>
        <source>There is no profile with the id %1.</source>
        <translation>不存在 ID 为 %1 的配置。</translation>
    </message>
    <message>
        <source>displayName is missing.</source>
        <translation>缺少 displayName。</translation>
    </message>
    <message>
        <source>endpoint is missing.</source>
        <translation>缺少 endpoint。</translation>
    </message>
    <message>
        <source>accessKeyId is missing.</source>
        <translation>缺少 accessKeyId。</translation>
    </message>
    <message>
        <source>instanceName is missing: a Tablestore profile needs its instance.</source>
        <translation>缺少 instanceName：Tablestore 配置必须指定实例。</translation>
    </message>
    <message>
        <source>orgId and projectId are needed: OceanBase asks for both on every call.</source>
        <translation>必须提供 orgId 和 projectId：OceanBase 的每次调用都需要这两项。</translation>
    </message>
    <message>
        <source>timeoutMs must be between %1 and %2.</source>
        <translation>timeoutMs 必须介于 %1 和 %2 之间。</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be written.</source>
        <translation>无法写入设置文件 %1。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The answer is not a JSON object.</source>
        <translation>响应不是 JSON 对象。</translation>
    </message>
    <message>
        <source>RAM answered %1 in an unexpected form.</source>
        <translation>RAM 对 %1 的响应格式不符合预期。</translation>
    </message>
</context>
<context>
    <name>SandboxLauncher</name>
    <message>
        <source>Cannot create the sandbox&apos;s data directory %1.</source>
        <translation>无法创建沙箱的数据目录 %1。</translation>
    </message>
    <message>
        <source>openssl could not make the sandbox&apos;s certificate: %1</source>
        <translation>openssl 无法生成沙箱的证书：%1</translation>
    </message>
    <message>
        <source>openssl is needed to make the sandbox&apos;s certificate and was not found.</source>
        <translation>生成沙箱的证书需要 openssl，但未找到 openssl。</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>The sandbox stopped before it listened: %1</source>
        <translation>沙箱在开始监听前已停止：%1</translation>
    </message>
</context>
<context>
    <name>ScreenshotRun</name>
    <message>
        <source>Reporting service</source>
        <translation>报表服务</translation>
    </message>
    <message>
        <source>Knowledge base reader</source>
        <translation>知识库读取</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>the window to show</source>
        <translation>窗口显示</translation>
    </message>
    <message>
        <source>the create flow to end</source>
        <translation>创建流程结束</translation>
    </message>
    <message>
        <source>the dialog to show</source>
        <translation>对话框显示</translation>
    </message>
    <message>
        <source>the delete flow to end</source>
        <translation>删除流程结束</translation>
    </message>
    <message>
        <source>the test dialog has no value field or Test button</source>
        <translation>测试对话框中没有密钥值输入框或“测试”按钮</translation>
    </message>
    <message>
        <source>the test&apos;s answer</source>
        <translation>测试结果</translation>
    </message>
    <message>
        <source>the sidebar has no Add button</source>
        <translation>侧边栏中没有“添加”按钮</translation>
    </message>
    <message>
        <source>the profile dialog</source>
        <translation>配置对话框</translation>
    </message>
    <message>
        <source>Model Studio (Singapore)</source>
        <translation>百炼（新加坡）</translation>
    </message>
    <message>
        <source>the AccessKey report page</source>
        <translation>AccessKey 报告页面</translation>
    </message>
    <message>
        <source>the AccessKey report</source>
        <translation>AccessKey 报告</translation>
    </message>
    <message>
        <source>the page&apos;s state</source>
        <translation>页面状态</translation>
    </message>
    <message>
        <source>a new sandbox account</source>
        <translation>新的沙箱账号</translation>
    </message>
    <message>
        <source>the sandbox made no account: %1</source>
        <translation>沙箱未能创建账号：%1</translation>
    </message>
    <message>
        <source>DashVector (endpoint offline)</source>
        <translation>DashVector（Endpoint 离线）</translation>
    </message>
    <message>
        <source>DashVector (new account)</source>
        <translation>DashVector（新账号）</translation>
    </message>
    <message>
        <source>the keys of %1</source>
        <translation>%1 的密钥</translation>
    </message>
    <message>
        <source>%1 lists no keys</source>
        <translation>%1 未列出任何密钥</translation>
    </message>
    <message>
        <source>no key %1 in the list</source>
        <translation>列表中没有密钥 %1</translation>
    </message>
    <message>
        <source>no row could be selected</source>
        <translation>无法选中任何行</translation>
    </message>
    <message>
        <source>the action “%1” is not enabled</source>
        <translation>操作“%1”未启用</translation>
    </message>
    <message>
        <source>the dialog %1</source>
        <translation>对话框 %1</translation>
    </message>
    <message>
        <source>the dialog to close</source>
        <translation>对话框关闭</translation>
    </message>
    <message>
        <source>timed out after %1 s waiting for %2</source>
        <translation>等待 %2 超时（%1 秒）</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>%1 shows nothing (%2×%3)</source>
        <translation>%1 没有显示任何内容（%2×%3）</translation>
    </message>
</context>
<context>
    <name>SecretServiceItems</name>
    <message>
        <source>A keychain search needs a service.</source>
        <translation>搜索钥匙串需要指定服务。</translation>
    </message>
    <message>
        <source>No keychain is available: no D-Bus session bus.</source>
        <translation>没有可用的钥匙串：没有 D-Bus 会话总线。</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) of the keychain are locked and were not removed. Unlock the keychain and try again.</source>
        <translation>
            <numerusform>钥匙串中有 %n 个条目已锁定，未被移除。请解锁钥匙串后重试。</numerusform>
        </translation>
    </message>
    <message>
        <source>The keychain did not remove every item: %1</source>
        <translation>钥匙串未能移除全部条目：%1</translation>
    </message>
    <message>
        <source>No keychain is available: no Secret Service (org.freedesktop.secrets) on the D-Bus session bus.</source>
        <translation>没有可用的钥匙串：D-Bus 会话总线上没有 Secret Service（org.freedesktop.secrets）。</translation>
    </message>
    <message>
        <source>The keychain is locked. Unlock it and try again.</source>
        <translation>钥匙串已锁定。请解锁后重试。</translation>
    </message>
    <message>
        <source>The keychain could not be searched: %1</source>
        <translation>无法搜索钥匙串：%1</translation>
    </message>
</context>
<context>
    <name>ServiceKind</name>
    <message>
        <source>RAM AccessKeys</source>
        <translation>RAM AccessKey</translation>
    </message>
    <message>
        <source>Model Studio</source>
        <translation>阿里云百炼</translation>
    </message>
    <message>
        <source>DashVector</source>
        <translation>向量检索服务 DashVector</translation>
    </message>
    <message>
        <source>Tablestore</source>
        <translation>表格存储 Tablestore</translation>
    </message>
    <message>
        <source>OceanBase Cloud MaaS</source>
        <translation>OceanBase Cloud MaaS</translation>
    </message>
</context>
<context>
    <name>VaultJob</name>
    <message>
        <source>A keychain entry needs a service and a key name.</source>
        <translation>系统钥匙串条目需要服务名和键名。</translation>
    </message>
    <message>
        <source>An empty value cannot be stored in the keychain.</source>
        <translation>不能在系统钥匙串中保存空值。</translation>
    </message>
    <message>
        <source>no D-Bus session bus</source>
        <translation>没有 D-Bus 会话总线</translation>
    </message>
    <message>
        <source>no Secret Service (org.freedesktop.secrets) on the D-Bus session bus</source>
        <translation>D-Bus 会话总线上没有 Secret Service（org.freedesktop.secrets）</translation>
    </message>
    <message>
        <source>No keychain is available (%1). KeyDesk keeps secrets only in the system keychain: start a Secret Service such as GNOME Keyring, KeePassXC or KWallet, then try again.</source>
        <translation>没有可用的系统钥匙串（%1）。KeyDesk 只将密钥值保存在系统钥匙串中：请启动 GNOME Keyring、KeePassXC 或 KWallet 等 Secret Service，然后重试。</translation>
    </message>
    <message>
        <source>The keychain is locked or refused access. Unlock it, then try again.</source>
        <translation>系统钥匙串已锁定或拒绝访问。请解锁后重试。</translation>
    </message>
    <message>
        <source>The keychain is locked or refused access (%1). Unlock it, then try again.</source>
        <translation>系统钥匙串已锁定或拒绝访问（%1）。请解锁后重试。</translation>
    </message>
    <message>
        <source>Nothing is stored in the keychain under &quot;%1&quot;, key &quot;%2&quot;.</source>
        <translation>系统钥匙串中“%1”下没有保存键“%2”的内容。</translation>
    </message>
    <message>
        <source>The keychain failed: %1</source>
        <translation>系统钥匙串出错：%1</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
</context>
<context>
    <name>keydesk::AccessKeyInventory</name>
    <message>
        <source>The inventory was cancelled.</source>
        <translation>报告已取消。</translation>
    </message>
</context>
<context>
    <name>keydesk::AccessKeyInventoryModel</name>
    <message>
        <source>root account</source>
        <translation>主账号</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>过旧</translation>
    </message>
    <message>
        <source>Unused</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>The service reports no use of this key.</source>
        <translation>服务未报告此密钥的任何使用记录。</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>AccessKey ID</source>
        <translation>AccessKey ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
</context>
<context>
    <name>keydesk::AccessKeyInventoryPage</name>
    <message>
        <source>1 key</source>
        <translation>1 个密钥</translation>
    </message>
    <message numerus="yes">
        <source>%n keys</source>
        <translation>
            <numerusform>%n 个密钥</numerusform>
        </translation>
    </message>
    <message>
        <source>1 user</source>
        <translation>1 个 RAM 用户</translation>
    </message>
    <message numerus="yes">
        <source>%n users</source>
        <translation>
            <numerusform>%n 个 RAM 用户</numerusform>
        </translation>
    </message>
    <message>
        <source>AccessKey report</source>
        <translation>AccessKey 报告</translation>
    </message>
    <message>
        <source>Report progress</source>
        <translation>报告进度</translation>
    </message>
    <message>
        <source>Report summary</source>
        <translation>报告摘要</translation>
    </message>
    <message>
        <source>Report status</source>
        <translation>报告状态</translation>
    </message>
    <message>
        <source>Run the report to list every AccessKey of the account: the root account&apos;s and each RAM user&apos;s.</source>
        <translation>生成报告可列出该账号的全部 AccessKey：包括主账号的和每个 RAM 用户的。</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>导出状态</translation>
    </message>
    <message>
        <source>AccessKeys</source>
        <translation>AccessKey 列表</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>密钥(&amp;K)</translation>
    </message>
    <message>
        <source>Back to keys</source>
        <translation>返回密钥列表</translation>
    </message>
    <message>
        <source>&amp;Run report</source>
        <translation>生成报告(&amp;R)</translation>
    </message>
    <message>
        <source>Run report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel report</source>
        <translation>取消报告</translation>
    </message>
    <message>
        <source>Days after which a key is old or unused</source>
        <translation>密钥超过多少天视为过旧或未使用</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Old or unused after:</source>
        <translation>过旧或未使用阈值：</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Listing the users and their AccessKeys…</source>
        <translation>正在列出用户及其 AccessKey…</translation>
    </message>
    <message>
        <source>Complete: every AccessKey of the account as of %1.</source>
        <translation>已完成：截至 %1，该账号的全部 AccessKey。</translation>
    </message>
    <message>
        <source>Cancelled before any key was reported.</source>
        <translation>已取消，尚未列出任何密钥。</translation>
    </message>
    <message>
        <source>Cancelled: the report is partial. It shows only the %1 found before the cancel.</source>
        <translation>已取消：报告不完整，仅显示取消前找到的 %1。</translation>
    </message>
    <message>
        <source>The report stopped at an error and is partial: it shows only the %1 found before it.</source>
        <translation>报告因出错而中止，内容不完整：仅显示出错前找到的 %1。</translation>
    </message>
    <message>
        <source>The report needs the root account&apos;s AccessKey: this profile&apos;s AccessKey may not list the account&apos;s RAM users. Run it from a profile that signs with the root account&apos;s AccessKey.</source>
        <translation>此报告需要主账号的 AccessKey：此配置的 AccessKey 无权列出该账号的 RAM 用户。请在使用主账号 AccessKey 签名的配置中生成报告。</translation>
    </message>
    <message>
        <source>The service refused this profile&apos;s AccessKey. Check the profile&apos;s AccessKey ID and secret.</source>
        <translation>服务拒绝了此配置的 AccessKey。请检查配置的 AccessKey ID 和 AccessKey Secret。</translation>
    </message>
    <message>
        <source>The AccessKey report could not be made.</source>
        <translation>无法生成 AccessKey 报告。</translation>
    </message>
    <message>
        <source>No AccessKeys found.</source>
        <translation>未找到任何 AccessKey。</translation>
    </message>
    <message>
        <source>the root account</source>
        <translation>主账号</translation>
    </message>
    <message>
        <source>the root account and %1</source>
        <translation>主账号和 %1</translation>
    </message>
    <message>
        <source>%1 of %2: %3 old, %4 unused, %5 inactive</source>
        <translation>%1（%2）：过旧 %3 个，未使用 %4 个，已禁用 %5 个</translation>
    </message>
    <message>
        <source>Export the AccessKey report</source>
        <translation>导出 AccessKey 报告</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Saved %1 to %2.</source>
        <translation>已将 %1 保存到 %2。</translation>
    </message>
    <message>
        <source>Saved the partial report (%1) to %2.</source>
        <translation>已将不完整的报告（%1）保存到 %2。</translation>
    </message>
</context>
<context>
    <name>keydesk::ChangePassphraseDialog</name>
    <message>
        <source>Change the console passphrase</source>
        <translation>更改控制台口令</translation>
    </message>
    <message>
        <source>Enter the current console passphrase, then the new one twice (at least %1 characters).</source>
        <translation>请输入当前的控制台口令，然后输入两次新口令（至少 %1 个字符）。</translation>
    </message>
    <message>
        <source>Current console passphrase</source>
        <translation>当前的控制台口令</translation>
    </message>
    <message>
        <source>New console passphrase</source>
        <translation>新的控制台口令</translation>
    </message>
    <message>
        <source>Repeat the console passphrase</source>
        <translation>再次输入控制台口令</translation>
    </message>
    <message>
        <source>Passphrase problem</source>
        <translation>口令问题</translation>
    </message>
    <message>
        <source>&amp;Change passphrase</source>
        <translation>更改口令(&amp;C)</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>更改口令</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>C&amp;urrent:</source>
        <translation>当前口令(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;New:</source>
        <translation>新口令(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>确认口令(&amp;R)：</translation>
    </message>
    <message>
        <source>Enter the current passphrase.</source>
        <translation>请输入当前口令。</translation>
    </message>
    <message>
        <source>No system keychain is available, so the passphrase cannot be changed.</source>
        <translation>没有可用的系统钥匙串，因此无法更改口令。</translation>
    </message>
    <message>
        <source>Checking the current passphrase…</source>
        <translation>正在校验当前口令…</translation>
    </message>
    <message>
        <source>No console passphrase is set yet. It is set when the first profile secret or kept copy is stored in the keychain.</source>
        <translation>尚未设置控制台口令。在钥匙串中保存第一个配置密钥或保留副本时才会设置。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
</context>
<context>
    <name>keydesk::CreateKeyDialog</name>
    <message>
        <source>Create a key</source>
        <translation>创建密钥</translation>
    </message>
    <message>
        <source>&amp;Permanent key</source>
        <translation>永久密钥(&amp;P)</translation>
    </message>
    <message>
        <source>Permanent key</source>
        <translation>永久密钥</translation>
    </message>
    <message>
        <source>&amp;Temporary key, issued by a permanent one</source>
        <translation>临时密钥，由永久密钥签发(&amp;T)</translation>
    </message>
    <message>
        <source>Temporary key</source>
        <translation>临时密钥</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>创建(&amp;R)</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Name or description</source>
        <translation>名称或描述</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>What the key is for</source>
        <translation>密钥的用途</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>设置过期时间</translation>
    </message>
    <message>
        <source>The key expires</source>
        <translation>密钥会过期</translation>
    </message>
    <message>
        <source>Expiration time</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <source>E&amp;xpiration:</source>
        <translation>过期时间(&amp;X)：</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>&amp;Permission:</source>
        <translation>权限(&amp;P)：</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Empty: your own account</source>
        <translation>留空：您自己的账号</translation>
    </message>
    <message>
        <source>&amp;Owner (RAM user):</source>
        <translation>所有者（RAM 用户）(&amp;O)：</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>业务空间</translation>
    </message>
    <message>
        <source>&amp;Workspace:</source>
        <translation>业务空间(&amp;W)：</translation>
    </message>
    <message>
        <source>Value of the permanent key</source>
        <translation>永久密钥的密钥值</translation>
    </message>
    <message>
        <source>Paste the value of the key that issues it</source>
        <translation>粘贴用于签发的密钥的密钥值</translation>
    </message>
    <message>
        <source>Issued &amp;by:</source>
        <translation>签发密钥(&amp;B)：</translation>
    </message>
    <message>
        <source>Lifetime in seconds</source>
        <translation>有效期（秒）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>&amp;Lasts:</source>
        <translation>有效期(&amp;L)：</translation>
    </message>
    <message>
        <source>The profile&apos;s workspace</source>
        <translation>配置的业务空间</translation>
    </message>
    <message>
        <source>A name is required.</source>
        <translation>名称为必填项。</translation>
    </message>
    <message>
        <source>At most %1 characters.</source>
        <translation>最多 %1 个字符。</translation>
    </message>
    <message>
        <source>No control characters (tabs, line breaks).</source>
        <translation>不能包含控制字符（制表符、换行符）。</translation>
    </message>
    <message>
        <source>The expiration time must be in the future.</source>
        <translation>过期时间必须晚于当前时间。</translation>
    </message>
    <message>
        <source>Choose what the key may do: %1.</source>
        <translation>请选择密钥的权限：%1。</translation>
    </message>
    <message>
        <source>A RAM user name: at most 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>RAM 用户名：最多 64 个字符，只能包含字母、数字、“.”、“_”或“-”。</translation>
    </message>
    <message>
        <source>Paste the value of the permanent key that issues the temporary one.</source>
        <translation>请粘贴用于签发临时密钥的永久密钥的密钥值。</translation>
    </message>
    <message>
        <source>A key&apos;s value has no spaces or special characters.</source>
        <translation>密钥值不能包含空格或特殊字符。</translation>
    </message>
</context>
<context>
    <name>keydesk::CreateKeyFlow</name>
    <message>
        <source>Temporary key</source>
        <translation>临时密钥</translation>
    </message>
    <message>
        <source>Could not create the key</source>
        <translation>无法创建密钥</translation>
    </message>
    <message>
        <source>The key was not created.</source>
        <translation>密钥未创建。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>No system keychain is available, so no copy was kept.</source>
        <translation>没有可用的系统钥匙串，因此未保留副本。</translation>
    </message>
    <message>
        <source>The copy could not be kept in the system keychain: %1</source>
        <translation>无法在系统钥匙串中保留副本：%1</translation>
    </message>
    <message>
        <source>No copy kept</source>
        <translation>未保留副本</translation>
    </message>
    <message>
        <source>The value is shown again: copy it now, it will not be shown after this.</source>
        <translation>现再次显示密钥值：请立即复制，此后将不再显示。</translation>
    </message>
    <message>
        <source>A copy of the key is kept in the system keychain only once the console passphrase that guards it is set, and it is not set yet.</source>
        <translation>只有在设置了保护副本的控制台口令之后，才会在系统钥匙串中保留密钥副本，而目前尚未设置该口令。</translation>
    </message>
    <message>
        <source>No copy was kept: the console passphrase that guards kept copies was not set.</source>
        <translation>未保留副本：未设置保护保留副本的控制台口令。</translation>
    </message>
    <message>
        <source>No copy was kept: the console passphrase could not be checked: %1</source>
        <translation>未保留副本：无法检查控制台口令：%1</translation>
    </message>
</context>
<context>
    <name>keydesk::CreatedKeyDialog</name>
    <message>
        <source>Temporary key created</source>
        <translation>临时密钥已创建</translation>
    </message>
    <message>
        <source>Key created</source>
        <translation>密钥已创建</translation>
    </message>
    <message>
        <source>The key was created. Its value:</source>
        <translation>密钥已创建，密钥值如下：</translation>
    </message>
    <message>
        <source>The key %1 was created. Its value:</source>
        <translation>密钥 %1 已创建，密钥值如下：</translation>
    </message>
    <message>
        <source>This value will not be shown again. Store it now.</source>
        <translation>此密钥值不会再次显示，请立即妥善保存。</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>&amp;Keep a copy in the system keychain</source>
        <translation>在系统钥匙串中保留副本(&amp;K)</translation>
    </message>
    <message>
        <source>Keep a copy in the system keychain</source>
        <translation>在系统钥匙串中保留副本</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>完成(&amp;D)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Key value</source>
        <translation>密钥值</translation>
    </message>
    <message>
        <source>Show the value</source>
        <translation>显示密钥值</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the value</source>
        <translation>复制密钥值</translation>
    </message>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>已复制。剪贴板将在 %n 秒后清空。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>隐藏(&amp;H)</translation>
    </message>
    <message>
        <source>Hide the value</source>
        <translation>隐藏密钥值</translation>
    </message>
    <message>
        <source>Valid for another %1:%2</source>
        <translation>剩余有效时间 %1:%2</translation>
    </message>
    <message>
        <source>This temporary key has expired.</source>
        <translation>此临时密钥已过期。</translation>
    </message>
    <message>
        <source>Close without the value?</source>
        <translation>不保存密钥值直接关闭？</translation>
    </message>
    <message>
        <source>Did you store the value? It will not be shown again.</source>
        <translation>是否已保存密钥值？该值不会再次显示。</translation>
    </message>
    <message>
        <source>I &amp;stored it</source>
        <translation>我已保存(&amp;S)</translation>
    </message>
    <message>
        <source>I stored it</source>
        <translation>我已保存</translation>
    </message>
    <message>
        <source>&amp;Go back</source>
        <translation>返回(&amp;G)</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>keydesk::DashVectorService</name>
    <message>
        <source>Enter the 6-digit code of the account&apos;s MFA device.</source>
        <translation>请输入账号 MFA 设备上的 6 位验证码。</translation>
    </message>
    <message>
        <source>A verification code is 6 digits.</source>
        <translation>验证码为 6 位数字。</translation>
    </message>
    <message>
        <source>The key list is not a list.</source>
        <translation>返回的密钥列表不是列表格式。</translation>
    </message>
    <message>
        <source>A listed key has no id.</source>
        <translation>列表中的某个密钥没有 ID。</translation>
    </message>
    <message>
        <source>A description has at most %1 characters.</source>
        <translation>描述最多 %1 个字符。</translation>
    </message>
    <message>
        <source>Choose the key first.</source>
        <translation>请先选择密钥。</translation>
    </message>
    <message>
        <source>A key is letters, digits and dashes only.</source>
        <translation>密钥只能包含字母、数字和短划线。</translation>
    </message>
    <message>
        <source>The answer has no result code.</source>
        <translation>响应中没有结果码。</translation>
    </message>
</context>
<context>
    <name>keydesk::DeleteKeyDialog</name>
    <message>
        <source>Revoke key</source>
        <translation>吊销密钥</translation>
    </message>
    <message>
        <source>Delete key</source>
        <translation>删除密钥</translation>
    </message>
    <message>
        <source>Revoke the key %1 in %2?</source>
        <translation>确定要吊销 %2 中的密钥 %1 吗？</translation>
    </message>
    <message>
        <source>Delete the key %1 from %2?</source>
        <translation>确定要从 %2 中删除密钥 %1 吗？</translation>
    </message>
    <message>
        <source>Every call that uses this key will be refused.</source>
        <translation>所有使用此密钥的调用都将被拒绝。</translation>
    </message>
    <message>
        <source>The key stays listed as revoked; this cannot be undone.</source>
        <translation>该密钥仍会以“已吊销”状态保留在列表中；此操作无法撤销。</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>此操作无法撤销。</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Type %1 to confirm</source>
        <translation>输入 %1 以确认</translation>
    </message>
    <message>
        <source>Type the last 4 characters of the key&apos;s ID, “%1”, to confirm:</source>
        <translation>请输入密钥 ID 的后 4 位字符“%1”以确认：</translation>
    </message>
    <message>
        <source>Type the key&apos;s name, “%1”, to confirm:</source>
        <translation>请输入密钥名称“%1”以确认：</translation>
    </message>
    <message>
        <source>6-digit &amp;code from the account&apos;s authenticator app:</source>
        <translation>账号身份验证器应用中的 6 位验证码(&amp;C)：</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>吊销(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Revoke the key</source>
        <translation>吊销密钥</translation>
    </message>
    <message>
        <source>Delete the key</source>
        <translation>删除密钥</translation>
    </message>
    <message>
        <source>D&amp;isable instead</source>
        <translation>改为禁用(&amp;I)</translation>
    </message>
    <message>
        <source>Disable the key instead</source>
        <translation>改为禁用密钥</translation>
    </message>
    <message>
        <source>Calls with the key are refused until it is enabled again.</source>
        <translation>在重新启用之前，使用该密钥的调用都将被拒绝。</translation>
    </message>
    <message>
        <source>This code was used already. Wait for the next code and try again.</source>
        <translation>此验证码已使用过。请等待下一个验证码后重试。</translation>
    </message>
    <message>
        <source>Wrong code.</source>
        <translation>验证码错误。</translation>
    </message>
    <message>
        <source>1 attempt left.</source>
        <translation>还剩 1 次尝试机会。</translation>
    </message>
    <message numerus="yes">
        <source>%n attempts left.</source>
        <translation>
            <numerusform>还剩 %n 次尝试机会。</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many wrong codes: verification is locked.</source>
        <translation>验证码错误次数过多：验证已锁定。</translation>
    </message>
    <message>
        <source>Locked until %1.</source>
        <translation>锁定至 %1。</translation>
    </message>
    <message>
        <source>Last used: unknown (never, or the service does not report it).</source>
        <translation>最近使用：未知（从未使用，或服务未提供该信息）。</translation>
    </message>
    <message>
        <source>Last used: %1.</source>
        <translation>最近使用：%1。</translation>
    </message>
    <message>
        <source>Disabling…</source>
        <translation>正在禁用…</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>正在删除…</translation>
    </message>
</context>
<context>
    <name>keydesk::ErrorPanel</name>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>What failed</source>
        <translation>失败的操作</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>错误详情</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Service code: %1</source>
        <translation>服务错误码：%1</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>HTTP 状态码：%1</translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation>请求 ID：%1</translation>
    </message>
</context>
<context>
    <name>keydesk::FirstPassphrase</name>
    <message>
        <source>The console passphrase is not available, so nothing can be kept in the keychain.</source>
        <translation>控制台口令不可用，因此无法在钥匙串中保存任何内容。</translation>
    </message>
</context>
<context>
    <name>keydesk::HttpJob</name>
    <message>
        <source>The profile&apos;s CA certificate %1 cannot be read: it must be one certificate in PEM format.</source>
        <translation>无法读取配置的 CA 证书 %1：该文件必须是单个 PEM 格式的证书。</translation>
    </message>
    <message>
        <source>The change may have been made: refresh before trying again.</source>
        <translation>更改可能已生效：请先刷新再重试。</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>请求已取消。</translation>
    </message>
    <message>
        <source>No answer within %1 s.</source>
        <translation>%1 秒内未收到响应。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted.</source>
        <translation>服务器证书不受信任。</translation>
    </message>
    <message>
        <source>The answer was cut off.</source>
        <translation>响应被截断。</translation>
    </message>
    <message>
        <source>The connection was lost before the answer.</source>
        <translation>收到响应前连接已断开。</translation>
    </message>
    <message>
        <source>subject: %1</source>
        <translation>主题：%1</translation>
    </message>
    <message>
        <source>issuer: %1</source>
        <translation>颁发者：%1</translation>
    </message>
    <message>
        <source>valid: %1 to %2</source>
        <translation>有效期：%1 至 %2</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256：%1</translation>
    </message>
    <message>
        <source>The answer is larger than %1, more than this call ever needs: it was cut off unread.</source>
        <translation>应答大于 %1，超出此调用所需：已中断，未读取。</translation>
    </message>
</context>
<context>
    <name>keydesk::KeyActions</name>
    <message>
        <source>Key actions</source>
        <translation>密钥操作</translation>
    </message>
    <message>
        <source>&amp;Create…</source>
        <translation>创建(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;View…</source>
        <translation>查看(&amp;V)…</translation>
    </message>
    <message>
        <source>Copy &amp;ID</source>
        <translation>复制 ID(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Test…</source>
        <translation>测试(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>禁用(&amp;D)</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>删除(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>AccessKey &amp;report…</source>
        <translation>AccessKey 报告(&amp;R)…</translation>
    </message>
    <message>
        <source>Every AccessKey of the account and its RAM users, flagged when old, unused or inactive</source>
        <translation>账号及其 RAM 用户的所有 AccessKey，并标记过旧、未使用或已禁用的 AccessKey</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a tool button&apos;s tooltip: its action and shortcut</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>Create a key (%1)</source>
        <translation>创建密钥（%1）</translation>
    </message>
</context>
<context>
    <name>keydesk::KeyListPage</name>
    <message>
        <source>Keys of %1</source>
        <translation>%1 的密钥</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>配额</translation>
    </message>
    <message>
        <source>Loading keys</source>
        <translation>正在加载密钥</translation>
    </message>
    <message>
        <source>No keys</source>
        <translation>没有密钥</translation>
    </message>
    <message>
        <source>This profile has no keys yet.
Create one with Create (Ctrl+N).</source>
        <translation>此配置下还没有密钥。
可使用“创建”（Ctrl+N）新建密钥。</translation>
    </message>
    <message>
        <source>Filter keys</source>
        <translation>筛选密钥</translation>
    </message>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation>筛选（Ctrl+F）</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>The keys could not be listed.</source>
        <translation>无法列出密钥。</translation>
    </message>
    <message>
        <source>This computer is offline. The keys are listed again as soon as it is back online.</source>
        <translation>此计算机处于离线状态。恢复联网后将立即重新列出密钥。</translation>
    </message>
    <message>
        <source>The service cannot be reached. Check the profile&apos;s endpoint and the network, then retry.</source>
        <translation>无法连接服务。请检查配置的 Endpoint 和网络，然后重试。</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>未更改</translation>
    </message>
    <message>
        <source>The key&apos;s status was not changed.</source>
        <translation>密钥状态未更改。</translation>
    </message>
</context>
<context>
    <name>keydesk::KeyService</name>
    <message>
        <source>%1 does not support %2.</source>
        <translation>%1 不支持%2。</translation>
    </message>
    <message>
        <source>The answer has no key.</source>
        <translation>响应中没有密钥。</translation>
    </message>
    <message>
        <source>The answer does not hold the key&apos;s value.</source>
        <translation>响应中不包含密钥值。</translation>
    </message>
    <message>
        <source>showing a key&apos;s value again</source>
        <translation>再次显示密钥值</translation>
    </message>
    <message>
        <source>disabling keys</source>
        <translation>禁用密钥</translation>
    </message>
    <message>
        <source>temporary keys</source>
        <translation>临时密钥</translation>
    </message>
</context>
<context>
    <name>keydesk::KeyTableModel</name>
    <message>
        <source>in 1 day</source>
        <translation>1 天后</translation>
    </message>
    <message numerus="yes">
        <source>in %n days</source>
        <translation>
            <numerusform>%n 天后</numerusform>
        </translation>
    </message>
    <message>
        <source>in 1 hour</source>
        <translation>1 小时后</translation>
    </message>
    <message numerus="yes">
        <source>in %n hours</source>
        <translation>
            <numerusform>%n 小时后</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n minutes</source>
        <translation>
            <numerusform>%n 分钟后</numerusform>
        </translation>
    </message>
    <message>
        <source>in a minute</source>
        <translation>1 分钟内</translation>
    </message>
    <message>
        <source>expired 1 day ago</source>
        <translation>已过期 1 天</translation>
    </message>
    <message numerus="yes">
        <source>expired %n days ago</source>
        <translation>
            <numerusform>已过期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>expired 1 hour ago</source>
        <translation>已过期 1 小时</translation>
    </message>
    <message numerus="yes">
        <source>expired %n hours ago</source>
        <translation>
            <numerusform>已过期 %n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>expired %n minutes ago</source>
        <translation>
            <numerusform>已过期 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>expired just now</source>
        <translation>刚刚过期</translation>
    </message>
    <message>
        <source>The key works.</source>
        <translation>密钥可正常使用。</translation>
    </message>
    <message>
        <source>The key is disabled: calls with it are refused until it is enabled again.</source>
        <translation>密钥已禁用：在重新启用之前，使用它的调用都将被拒绝。</translation>
    </message>
    <message>
        <source>The key has passed its expiration time: calls with it are refused.</source>
        <translation>密钥已超过过期时间：使用它的调用都将被拒绝。</translation>
    </message>
    <message>
        <source>The key was revoked: calls with it are refused.</source>
        <translation>密钥已吊销：使用它的调用都将被拒绝。</translation>
    </message>
    <message>
        <source>The key&apos;s owner was disabled, deleted or removed from the workspace: calls with it are refused.</source>
        <translation>密钥的所有者已被禁用、删除或移出业务空间：使用它的调用都将被拒绝。</translation>
    </message>
    <message>
        <source>Name or ID</source>
        <translation>名称或 ID</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>业务空间</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>永不过期</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>未提供</translation>
    </message>
    <message>
        <source>%1
ID: %2</source>
        <translation>%1
ID：%2</translation>
    </message>
    <message>
        <source>The value is never listed; View shows it after verification.</source>
        <translation>列表中从不显示密钥值；通过“查看”验证身份后可显示。</translation>
    </message>
    <message>
        <source>The key never expires.</source>
        <translation>此密钥永不过期。</translation>
    </message>
    <message>
        <source>Not used yet, or the service does not say.</source>
        <translation>尚未使用，或服务未提供该信息。</translation>
    </message>
    <message>
        <source>Root account</source>
        <translation>主账号</translation>
    </message>
</context>
<context>
    <name>keydesk::KeyTestDialog</name>
    <message>
        <source>Test a key</source>
        <translation>测试密钥</translation>
    </message>
    <message>
        <source>Test “%1” with the cheapest call of the service that uses the key&apos;s value.</source>
        <translation>使用该服务开销最低、且需用到密钥值的调用来测试“%1”。</translation>
    </message>
    <message>
        <source>Use the copy &amp;kept in the system keychain</source>
        <translation>使用系统钥匙串中保留的副本(&amp;K)</translation>
    </message>
    <message>
        <source>Use the kept copy</source>
        <translation>使用保留的副本</translation>
    </message>
    <message>
        <source>&amp;Paste the value:</source>
        <translation>粘贴密钥值(&amp;P)：</translation>
    </message>
    <message>
        <source>Paste the value</source>
        <translation>粘贴密钥值</translation>
    </message>
    <message>
        <source>Value to test</source>
        <translation>待测试的密钥值</translation>
    </message>
    <message>
        <source>The key&apos;s value</source>
        <translation>密钥值</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>测试结果</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>测试(&amp;T)</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <source>No copy of this key is kept in the keychain: paste its value.</source>
        <translation>系统钥匙串中没有保留此密钥的副本：请粘贴其密钥值。</translation>
    </message>
    <message>
        <source>The keychain could not be read: %1</source>
        <translation>无法读取系统钥匙串：%1</translation>
    </message>
    <message>
        <source>The key works: the service accepted it.</source>
        <translation>密钥可用：服务已接受该密钥。</translation>
    </message>
    <message>
        <source>The key was refused.
%1</source>
        <translation>密钥被拒绝。
%1</translation>
    </message>
    <message>
        <source>Test key “%1” with its kept copy</source>
        <translation>使用保留的副本测试密钥“%1”</translation>
    </message>
    <message>
        <source>No console passphrase is set, so no copy of this key is kept: paste its value.</source>
        <translation>尚未设置控制台口令，因此没有保留此密钥的副本：请粘贴其值。</translation>
    </message>
    <message>
        <source>No system keychain is available.</source>
        <translation>没有可用的系统钥匙串。</translation>
    </message>
    <message>
        <source>Not tested: the kept copy is used only after the console passphrase.</source>
        <translation>未测试：只有验证控制台口令后才会使用保留的副本。</translation>
    </message>
</context>
<context>
    <name>keydesk::LockedPage</name>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>KeyDesk is locked</source>
        <translation>KeyDesk 已锁定</translation>
    </message>
    <message>
        <source>The keys&apos; values were closed and the profiles&apos; secrets cleared from memory. Enter the console passphrase to read them from the keychain again.</source>
        <translation>密钥值均已关闭，配置的密钥已从内存中清除。输入控制台口令，即可从钥匙串重新读取。</translation>
    </message>
    <message>
        <source>Console passphrase</source>
        <translation>控制台口令</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>口令(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>keydesk::MainWindow</name>
    <message>
        <source>KeyDesk</source>
        <translation>KeyDesk</translation>
    </message>
    <message>
        <source>No profile selected</source>
        <translation>未选择配置</translation>
    </message>
    <message>
        <source>No profiles yet. Add one, or run `keydesk --sandbox` to try every service on a local sandbox.</source>
        <translation>还没有配置。请添加配置，或运行 `keydesk --sandbox` 在本地沙箱中试用所有服务。</translation>
    </message>
    <message>
        <source>Select a profile to see its keys.</source>
        <translation>选择一个配置以查看其密钥。</translation>
    </message>
    <message>
        <source>&amp;Console</source>
        <translation>控制台(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>no secret</source>
        <translation>缺少 Secret</translation>
    </message>
    <message>
        <source>The profile “%1” has no secret: %2.
Add it again with its AccessKey secret to manage its keys.</source>
        <translation>配置“%1”缺少 Secret：%2。
请使用其 AccessKey Secret 重新添加该配置，以管理其密钥。</translation>
    </message>
    <message>
        <source>Reading the profile&apos;s secret from the keychain…</source>
        <translation>正在从系统钥匙串读取配置的 Secret…</translation>
    </message>
    <message>
        <source>Profile not removed</source>
        <translation>配置未删除</translation>
    </message>
    <message>
        <source>Profile not saved</source>
        <translation>配置未保存</translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s) lack their secret in the keychain: %1</source>
        <translation>
            <numerusform>%n 个配置在系统钥匙串中缺少 Secret：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Enter the console passphrase to unlock.</source>
        <translation>请输入控制台口令以解锁。</translation>
    </message>
    <message>
        <source>not in the demo account</source>
        <translation>演示账号中没有</translation>
    </message>
</context>
<context>
    <name>keydesk::ModelStudioService</name>
    <message>
        <source>A Model Studio key id is a positive number.</source>
        <translation>百炼密钥 ID 必须为正整数。</translation>
    </message>
    <message>
        <source>The key list is not a list.</source>
        <translation>返回的密钥列表不是列表格式。</translation>
    </message>
    <message>
        <source>A listed key has no id.</source>
        <translation>列表中的某个密钥没有 ID。</translation>
    </message>
    <message>
        <source>A description has at most %1 characters.</source>
        <translation>描述最多 %1 个字符。</translation>
    </message>
    <message>
        <source>A key is letters, digits and dashes only.</source>
        <translation>密钥只能包含字母、数字和短划线。</translation>
    </message>
    <message>
        <source>A temporary key lasts from 1 to %1 seconds.</source>
        <translation>临时密钥的有效期须为 1 至 %1 秒。</translation>
    </message>
    <message>
        <source>The answer has no temporary key.</source>
        <translation>响应中没有临时密钥。</translation>
    </message>
    <message>
        <source>The workspace list is not a list.</source>
        <translation>返回的业务空间列表不是列表格式。</translation>
    </message>
    <message>
        <source>A listed workspace has no id.</source>
        <translation>列表中的某个业务空间没有 ID。</translation>
    </message>
</context>
<context>
    <name>keydesk::OceanBaseService</name>
    <message>
        <source>The answer is not JSON.</source>
        <translation>响应不是 JSON 格式。</translation>
    </message>
    <message>
        <source>The answer&apos;s data is not an object.</source>
        <translation>响应中的 data 字段不是对象。</translation>
    </message>
    <message>
        <source>The profile has no OceanBase AccessKey ID.</source>
        <translation>配置中没有 OceanBase AccessKey ID。</translation>
    </message>
    <message>
        <source>The profile has no OceanBase organization ID (X-OB-Org-Id).</source>
        <translation>配置中没有 OceanBase 组织 ID（X-OB-Org-Id）。</translation>
    </message>
    <message>
        <source>The profile has no OceanBase project ID (X-OB-Project-Id).</source>
        <translation>配置中没有 OceanBase 项目 ID（X-OB-Project-Id）。</translation>
    </message>
    <message>
        <source>The list of API keys is missing.</source>
        <translation>响应中缺少 API Key 列表。</translation>
    </message>
    <message>
        <source>An API key in the list has no id.</source>
        <translation>列表中的某个 API Key 没有 ID。</translation>
    </message>
    <message>
        <source>An OceanBase API key needs a name.</source>
        <translation>OceanBase API Key 必须有名称。</translation>
    </message>
    <message>
        <source>The name is longer than %1 characters.</source>
        <translation>名称超过 %1 个字符。</translation>
    </message>
    <message>
        <source>The name may not contain control characters.</source>
        <translation>名称不能包含控制字符。</translation>
    </message>
    <message>
        <source>Choose the key&apos;s permission: read, write or all.</source>
        <translation>请选择密钥的权限：read、write 或 all。</translation>
    </message>
    <message>
        <source>The new API key came back without its id or value.</source>
        <translation>新建的 API Key 返回结果中缺少 ID 或密钥值。</translation>
    </message>
    <message>
        <source>No API key was named.</source>
        <translation>未指定 API Key。</translation>
    </message>
    <message>
        <source>No API key to test.</source>
        <translation>没有要测试的 API Key。</translation>
    </message>
    <message>
        <source>The data plane&apos;s answer is not a model list.</source>
        <translation>数据面的响应不是模型列表。</translation>
    </message>
    <message>
        <source>A page of the list holds %1 items, more than the %2 asked for: the answer was refused.</source>
        <translation>列表的一页包含 %1 项，超过了请求的 %2 项：已拒绝该应答。</translation>
    </message>
    <message>
        <source>The server sent the same page of the list again: the list would never end, so it was stopped.</source>
        <translation>服务器再次发送了列表的同一页：列表永远不会结束，因此已停止。</translation>
    </message>
</context>
<context>
    <name>keydesk::PassphraseCheck</name>
    <message>
        <source>No system keychain is available, so the console passphrase cannot be checked.</source>
        <translation>没有可用的系统钥匙串，因此无法校验控制台口令。</translation>
    </message>
</context>
<context>
    <name>keydesk::ProfileDialog</name>
    <message>
        <source>Edit profile</source>
        <translation>编辑配置</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>添加配置</translation>
    </message>
    <message>
        <source>This is a demo session: profiles added or changed here are not saved. They and their secrets last until the console closes.</source>
        <translation>这是演示会话：在此添加或修改的配置不会保存，这些配置及其 Secret 仅保留到控制台关闭为止。</translation>
    </message>
    <message>
        <source>Demo session</source>
        <translation>演示会话</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>keydesk::ProfileForm</name>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>服务(&amp;S)：</translation>
    </message>
    <message>
        <source>About the service&apos;s endpoints</source>
        <translation>该服务的 Endpoint 说明</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Required, e.g. Production (Singapore)</source>
        <translation>必填，例如：生产环境（新加坡）</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>地域(&amp;R)：</translation>
    </message>
    <message>
        <source>Management endpoint</source>
        <translation>管理 Endpoint</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>Endpoint(&amp;E)：</translation>
    </message>
    <message>
        <source>Data endpoint</source>
        <translation>数据面 Endpoint</translation>
    </message>
    <message>
        <source>&amp;Data endpoint:</source>
        <translation>数据面 Endpoint(&amp;D)：</translation>
    </message>
    <message>
        <source>AccessKey ID</source>
        <translation>AccessKey ID</translation>
    </message>
    <message>
        <source>Access&amp;Key ID:</source>
        <translation>AccessKey ID(&amp;K)：</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>AccessKey secret</source>
        <translation>AccessKey Secret</translation>
    </message>
    <message>
        <source>Se&amp;cret:</source>
        <translation>AccessKey Secret(&amp;C)：</translation>
    </message>
    <message>
        <source>Empty: keep the secret stored now</source>
        <translation>留空则保留当前已存储的 Secret</translation>
    </message>
    <message>
        <source>Workspace ID</source>
        <translation>业务空间 ID</translation>
    </message>
    <message>
        <source>&amp;Workspace ID:</source>
        <translation>业务空间 ID(&amp;W)：</translation>
    </message>
    <message>
        <source>Empty: the account&apos;s default workspace</source>
        <translation>留空则使用账号的默认业务空间</translation>
    </message>
    <message>
        <source>Organization ID</source>
        <translation>组织 ID</translation>
    </message>
    <message>
        <source>&amp;Organization ID:</source>
        <translation>组织 ID(&amp;O)：</translation>
    </message>
    <message>
        <source>Required, sent as X-OB-Org-Id</source>
        <translation>必填，作为 X-OB-Org-Id 发送</translation>
    </message>
    <message>
        <source>Project ID</source>
        <translation>项目 ID</translation>
    </message>
    <message>
        <source>&amp;Project ID:</source>
        <translation>项目 ID(&amp;P)：</translation>
    </message>
    <message>
        <source>Required, sent as X-OB-Project-Id</source>
        <translation>必填，作为 X-OB-Project-Id 发送</translation>
    </message>
    <message>
        <source>Instance name</source>
        <translation>实例名称</translation>
    </message>
    <message>
        <source>&amp;Instance:</source>
        <translation>实例(&amp;I)：</translation>
    </message>
    <message>
        <source>Required, the Tablestore instance</source>
        <translation>必填，Tablestore 实例名称</translation>
    </message>
    <message>
        <source>Extra CA certificate</source>
        <translation>额外 CA 证书</translation>
    </message>
    <message>
        <source>Optional: a PEM file to trust as well</source>
        <translation>可选：额外信任的 PEM 证书文件</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Browse for a CA certificate</source>
        <translation>浏览选择 CA 证书</translation>
    </message>
    <message>
        <source>CA certi&amp;ficate:</source>
        <translation>CA 证书(&amp;F)：</translation>
    </message>
    <message>
        <source>Timeout in seconds</source>
        <translation>超时时间（秒）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>超时时间(&amp;T)：</translation>
    </message>
    <message>
        <source>Problem with %1</source>
        <translation>%1 有误</translation>
    </message>
    <message>
        <source>Trust a CA certificate</source>
        <translation>信任 CA 证书</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM 证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>keydesk::ProfileItemsRemoval</name>
    <message numerus="yes">
        <source>Profile “%1” removed: %n item(s) removed from the keychain.</source>
        <translation>
            <numerusform>已移除配置“%1”：已从系统钥匙串中移除 %n 个条目。</numerusform>
        </translation>
    </message>
    <message>
        <source>Keychain items left</source>
        <translation>钥匙串中仍有条目</translation>
    </message>
    <message>
        <source>Not every keychain item of the removed profile “%1” was removed.</source>
        <translation>已移除的配置“%1”的钥匙串条目未能全部移除。</translation>
    </message>
</context>
<context>
    <name>keydesk::ProfileSaveGate</name>
    <message>
        <source>The profile&apos;s AccessKey secret is about to be kept in the system keychain. The console passphrase, which guards what is kept there, is set first.</source>
        <translation>该配置的 AccessKey Secret 即将保存到系统钥匙串中。请先设置保护钥匙串中所存内容的控制台口令。</translation>
    </message>
    <message>
        <source>The console passphrase is set before the first secret is kept in the keychain, and it was not set.</source>
        <translation>在钥匙串中保存第一个密钥之前必须先设置控制台口令，而该口令未设置。</translation>
    </message>
    <message>
        <source>The console passphrase could not be checked: %1</source>
        <translation>无法检查控制台口令：%1</translation>
    </message>
    <message>
        <source>The edit changes where the profile “%1” sends its AccessKey secret. Enter the console passphrase to save it, or cancel and type the secret again.</source>
        <translation>此修改会改变配置“%1”发送其 AccessKey Secret 的目标。请输入控制台口令以保存，或取消并重新输入该 Secret。</translation>
    </message>
    <message>
        <source>No console passphrase is set: type the AccessKey secret again to change where it goes.</source>
        <translation>尚未设置控制台口令：请重新输入 AccessKey Secret 以更改其发送目标。</translation>
    </message>
    <message>
        <source>A changed endpoint or CA certificate needs the console passphrase, or the AccessKey secret typed again.</source>
        <translation>更改 Endpoint 或 CA 证书需要控制台口令，或重新输入 AccessKey Secret。</translation>
    </message>
    <message>
        <source>The profile was not changed.</source>
        <translation>配置未更改。</translation>
    </message>
    <message>
        <source>The profile was not added.</source>
        <translation>配置未添加。</translation>
    </message>
</context>
<context>
    <name>keydesk::ProfileSaveJob</name>
    <message>
        <source>There is no system keychain to keep the AccessKey secret, so the profile was not saved. Start a keyring (e.g. GNOME Keyring) and add it again.</source>
        <translation>没有可用于保存 AccessKey Secret 的系统钥匙串，因此未保存配置。请启动密钥环服务（例如 GNOME Keyring）后重新添加。</translation>
    </message>
    <message>
        <source>The profile was not saved: %1</source>
        <translation>未保存配置：%1</translation>
    </message>
    <message>
        <source>There is no system keychain to keep the new AccessKey secret, so the profile was not changed.</source>
        <translation>没有可用于保存新 AccessKey Secret 的系统钥匙串，因此未修改配置。</translation>
    </message>
    <message>
        <source>The profile was not changed: %1</source>
        <translation>未修改配置：%1</translation>
    </message>
    <message>
        <source>The keychain did not take the AccessKey secret, so the profile was not added: %1</source>
        <translation>系统钥匙串未能保存 AccessKey Secret，因此未添加配置：%1</translation>
    </message>
    <message>
        <source>The keychain did not take the new AccessKey secret, so the profile was not changed: %1</source>
        <translation>系统钥匙串未能保存新的 AccessKey Secret，因此未修改配置：%1</translation>
    </message>
    <message>
        <source>Putting the settings back failed too: %1</source>
        <translation>恢复原有设置也失败了：%1</translation>
    </message>
</context>
<context>
    <name>keydesk::ProfileSecretReader</name>
    <message>
        <source>no system keychain</source>
        <translation>没有系统钥匙串</translation>
    </message>
    <message>
        <source>no secret in the keychain</source>
        <translation>系统钥匙串中没有 AccessKey Secret</translation>
    </message>
</context>
<context>
    <name>keydesk::ProfileSidebar</name>
    <message>
        <source>&amp;Add profile…</source>
        <translation>添加配置(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Re&amp;move profile…</source>
        <translation>移除配置(&amp;M)…</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>添加配置</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>编辑配置</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>移除配置</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Remove the profile “%1”? Its secret and the copies kept with it leave the keychain; the keys on the service are not touched.</source>
        <translation>确定移除配置“%1”吗？其 AccessKey Secret 及随其保留的副本将从系统钥匙串中删除；服务上的密钥不受影响。</translation>
    </message>
</context>
<context>
    <name>keydesk::RamService</name>
    <message>
        <source>A RAM AccessKey is tested as &quot;AccessKeyId:AccessKeySecret&quot;.</source>
        <translation>测试 RAM AccessKey 时，请按“AccessKeyId:AccessKeySecret”格式输入。</translation>
    </message>
</context>
<context>
    <name>keydesk::SecretFieldGuard</name>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
</context>
<context>
    <name>keydesk::SetPassphraseDialog</name>
    <message>
        <source>Set the console passphrase</source>
        <translation>设置控制台口令</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least %1 characters. The console keeps only a verifier of it, never the passphrase: if it is forgotten, the kept copies cannot be viewed.</source>
        <translation>请设置至少 %1 个字符的口令。控制台只保存口令的校验值，从不保存口令本身：一旦忘记口令，将无法查看留存的密钥副本。</translation>
    </message>
    <message>
        <source>New console passphrase</source>
        <translation>新的控制台口令</translation>
    </message>
    <message>
        <source>Repeat the console passphrase</source>
        <translation>再次输入控制台口令</translation>
    </message>
    <message>
        <source>Passphrase problem</source>
        <translation>口令问题</translation>
    </message>
    <message>
        <source>&amp;Set passphrase</source>
        <translation>设置口令(&amp;S)</translation>
    </message>
    <message>
        <source>Set passphrase</source>
        <translation>设置口令</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>口令(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>确认口令(&amp;R)：</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>口令至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>The passphrase cannot be only spaces.</source>
        <translation>口令不能只包含空格。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>No system keychain is available, so no passphrase can be set.</source>
        <translation>没有可用的系统钥匙串，因此无法设置口令。</translation>
    </message>
    <message>
        <source>Saving the verifier in the system keychain…</source>
        <translation>正在将校验值保存到系统钥匙串…</translation>
    </message>
    <message>
        <source>A console passphrase is already set: use it.</source>
        <translation>控制台口令已设置：请使用该口令。</translation>
    </message>
    <message>
        <source>The passphrase was not set: %1</source>
        <translation>未设置口令：%1</translation>
    </message>
</context>
<context>
    <name>keydesk::SettingsDialog</name>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Viewing session length</source>
        <translation>查看会话时长</translation>
    </message>
    <message>
        <source>Clipboard clearing time</source>
        <translation>剪贴板清除时间</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>A key&apos;s value is shown for a limited time after each verification, and a copied value is cleared from the clipboard after a while (unless something else was copied since).</source>
        <translation>每次验证身份后，密钥值仅在限定时间内显示；复制的值会在一段时间后从剪贴板中清除（除非此后又复制了其他内容）。</translation>
    </message>
    <message>
        <source>Show a value for:</source>
        <translation>密钥值显示时长：</translation>
    </message>
    <message>
        <source>Clear the clipboard after:</source>
        <translation>剪贴板清除延时：</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language is used the next time KeyDesk starts.</source>
        <translation>新的语言将在下次启动 KeyDesk 时生效。</translation>
    </message>
    <message>
        <source>Idle time before locking</source>
        <translation>锁定前的空闲时间</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Lock after no input for:</source>
        <translation>无操作多久后锁定：</translation>
    </message>
    <message>
        <source>C&amp;hange console passphrase…</source>
        <translation>更改控制台口令(&amp;H)…</translation>
    </message>
    <message>
        <source>Change console passphrase</source>
        <translation>更改控制台口令</translation>
    </message>
    <message>
        <source>Console passphrase:</source>
        <translation>控制台口令：</translation>
    </message>
</context>
<context>
    <name>keydesk::SingleInstance</name>
    <message>
        <source>There is no runtime directory for the socket that keeps KeyDesk to one window.</source>
        <translation>没有可用于单窗口套接字的运行时目录，无法确保只运行一个 KeyDesk 窗口。</translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>无法在 %1 上监听：%2</translation>
    </message>
</context>
<context>
    <name>keydesk::StaleKeptCopies</name>
    <message>
        <source>&amp;Remove…</source>
        <translation>移除(&amp;R)…</translation>
    </message>
    <message>
        <source>Remove the kept copies of deleted keys</source>
        <translation>移除已删除密钥的保留副本</translation>
    </message>
    <message>
        <source>Remove kept copies</source>
        <translation>移除保留副本</translation>
    </message>
    <message numerus="yes">
        <source>Remove the kept copies of %n deleted key(s) from the keychain? Their values are lost; the keys no longer exist on the service.</source>
        <translation>
            <numerusform>要从钥匙串中移除 %n 个已删除密钥的保留副本吗？其值将丢失；这些密钥在服务上已不存在。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message numerus="yes">
        <source>The keychain holds kept copies of %n key(s) that no longer exist: %1</source>
        <translation>
            <numerusform>钥匙串中保留有 %n 个已不存在的密钥的副本：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keydesk::TablestoreService</name>
    <message>
        <source>The list of API keys has no ApiKeys array.</source>
        <translation>API Key 列表中没有 ApiKeys 数组。</translation>
    </message>
    <message>
        <source>An API key in the list has no id or no known status.</source>
        <translation>列表中有 API Key 缺少 ID 或状态未知。</translation>
    </message>
    <message>
        <source>A Tablestore API key needs an expiration time.</source>
        <translation>Tablestore API Key 必须设置过期时间。</translation>
    </message>
    <message>
        <source>The expiration time %1 is not in the future.</source>
        <translation>过期时间 %1 不晚于当前时间。</translation>
    </message>
    <message>
        <source>The description is longer than %1 characters.</source>
        <translation>描述超过了 %1 个字符。</translation>
    </message>
    <message>
        <source>The new API key came back without its id or value.</source>
        <translation>返回的新 API Key 缺少 ID 或密钥值。</translation>
    </message>
    <message>
        <source>No API key was named.</source>
        <translation>未指定 API Key。</translation>
    </message>
    <message>
        <source>The revoked API key came back without its id or status.</source>
        <translation>返回的已吊销 API Key 缺少 ID 或状态。</translation>
    </message>
    <message>
        <source>API keys need HTTPS: the data plane %1 is not an https:// address, so the key was not sent.</source>
        <translation>API Key 必须通过 HTTPS 发送：数据面 %1 不是 https:// 地址，因此未发送该密钥。</translation>
    </message>
    <message>
        <source>No API key to test.</source>
        <translation>没有要测试的 API Key。</translation>
    </message>
    <message>
        <source>The profile names no Tablestore instance.</source>
        <translation>配置中未指定 Tablestore 实例。</translation>
    </message>
</context>
<context>
    <name>keydesk::VerificationDialog</name>
    <message>
        <source>Verification code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>Verify it is you</source>
        <translation>验证身份</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from the account&apos;s authenticator app.</source>
        <translation>请输入账号身份验证器应用中的 6 位验证码。</translation>
    </message>
    <message>
        <source>Enter the console passphrase.</source>
        <translation>请输入控制台口令。</translation>
    </message>
    <message>
        <source>Console passphrase</source>
        <translation>控制台口令</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>验证码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>口令(&amp;P)：</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>验证结果</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>验证(&amp;V)</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>This code was used already. Wait for the next code and try again.</source>
        <translation>此验证码已被使用。请等待下一个验证码后重试。</translation>
    </message>
    <message>
        <source>Wrong code.</source>
        <translation>验证码错误。</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>口令错误。</translation>
    </message>
    <message>
        <source>No attempts left.</source>
        <translation>已没有剩余尝试次数。</translation>
    </message>
    <message>
        <source>1 attempt left.</source>
        <translation>还可尝试 1 次。</translation>
    </message>
    <message numerus="yes">
        <source>%n attempts left.</source>
        <translation>
            <numerusform>还可尝试 %n 次。</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many wrong attempts: verification is locked.</source>
        <translation>错误尝试次数过多：验证已锁定。</translation>
    </message>
    <message>
        <source>Enter the code.</source>
        <translation>请输入验证码。</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>请输入口令。</translation>
    </message>
    <message>
        <source>Too many attempts.</source>
        <translation>尝试次数过多。</translation>
    </message>
    <message>
        <source>Too many wrong attempts.</source>
        <translation>错误尝试次数过多。</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <source>Try again later.</source>
        <translation>请稍后重试。</translation>
    </message>
    <message>
        <source>Locked until %1.</source>
        <translation>锁定至 %1。</translation>
    </message>
    <message>
        <source>Try again in 1 second.</source>
        <translation>请在 1 秒后重试。</translation>
    </message>
    <message numerus="yes">
        <source>Try again in %n seconds.</source>
        <translation>
            <numerusform>请在 %n 秒后重试。</numerusform>
        </translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>现在可以重试。</translation>
    </message>
</context>
<context>
    <name>keydesk::ViewKeyDialog</name>
    <message>
        <source>View key</source>
        <translation>查看密钥</translation>
    </message>
    <message>
        <source>%1 key “%2” (%3)</source>
        <translation>%1 密钥“%2”（%3）</translation>
    </message>
    <message>
        <source>Key value</source>
        <translation>密钥值</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>Show the value</source>
        <translation>显示密钥值</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the value</source>
        <translation>复制密钥值</translation>
    </message>
    <message>
        <source>Time left in this viewing session</source>
        <translation>本次查看会话的剩余时间</translation>
    </message>
    <message>
        <source>Session status</source>
        <translation>会话状态</translation>
    </message>
    <message>
        <source>Closing this window ends the session and clears a copied value from the clipboard.</source>
        <translation>关闭此窗口将结束会话，并从剪贴板中清除已复制的值。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>隐藏(&amp;H)</translation>
    </message>
    <message>
        <source>Hide the value</source>
        <translation>隐藏密钥值</translation>
    </message>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n seconds, or when this session ends.</source>
        <translation>
            <numerusform>已复制。剪贴板将在 %n 秒后或本次会话结束时清除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Session ends in 1 second</source>
        <translation>会话将在 1 秒后结束</translation>
    </message>
    <message numerus="yes">
        <source>Session ends in %n seconds</source>
        <translation>
            <numerusform>会话将在 %n 秒后结束</numerusform>
        </translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation>会话已结束</translation>
    </message>
    <message>
        <source>Session ended: the value was wiped. To see it again, verify again.</source>
        <translation>会话已结束：密钥值已清除。如需再次查看，请重新验证身份。</translation>
    </message>
</context>
<context>
    <name>keydesk::ViewKeyFlow</name>
    <message>
        <source>View key “%1”</source>
        <translation>查看密钥“%1”</translation>
    </message>
    <message>
        <source>No system keychain is available, so the console passphrase cannot be checked.</source>
        <translation>没有可用的系统钥匙串，因此无法校验控制台口令。</translation>
    </message>
    <message>
        <source>No system keychain is available.</source>
        <translation>没有可用的系统钥匙串。</translation>
    </message>
    <message>
        <source>The service never shows this key&apos;s value again, and no copy of it is kept in the keychain.</source>
        <translation>服务不会再次显示此密钥的值，且系统钥匙串中也没有留存其副本。</translation>
    </message>
    <message>
        <source>No console passphrase is set, so no copy of a key is kept in the keychain and no value can be shown here. The passphrase is set when the first profile secret or kept copy is stored.</source>
        <translation>尚未设置控制台口令，因此钥匙串中没有保留任何密钥副本，这里也无法显示任何值。在保存第一个配置密钥或保留副本时才会设置口令。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>One console for the API keys of five cloud services.</source>
        <translation>统一管理五种云服务 API Key 的控制台。</translation>
    </message>
    <message>
        <source>Start a local keydesk-sandbox with demo data.</source>
        <translation>启动带演示数据的本地 keydesk-sandbox。</translation>
    </message>
    <message>
        <source>No display is available (neither DISPLAY nor WAYLAND_DISPLAY is set), so the console window cannot open.</source>
        <translation>没有可用的显示器（DISPLAY 和 WAYLAND_DISPLAY 均未设置），因此无法打开控制台窗口。</translation>
    </message>
    <message>
        <source>KeyDesk sandbox is running (stop it with Ctrl+C).</source>
        <translation>KeyDesk 沙箱正在运行（按 Ctrl+C 停止）。</translation>
    </message>
    <message>
        <source>KeyDesk is already running; its window was brought to the front.</source>
        <translation>KeyDesk 已在运行，已将其窗口切换到最前。</translation>
    </message>
    <message>
        <source>its certificate: %1</source>
        <translation>证书：%1</translation>
    </message>
    <message>
        <source>demo account (credentials, MFA secret): %1</source>
        <translation>演示账号（凭据、MFA 密钥）：%1</translation>
    </message>
</context>
</TS>
