<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>KeyUsageText</name>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n key</numerusform>
            <numerusform>%n keys</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphraseJob</name>
    <message numerus="yes">
        <source>Too many wrong passphrases: wait %n second(s) before trying again.</source>
        <translation>
            <numerusform>Too many wrong passphrases: wait %n second before trying again.</numerusform>
            <numerusform>Too many wrong passphrases: wait %n seconds before trying again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The passphrase is wrong. Wait %n second(s) before trying again.</source>
        <translation>
            <numerusform>The passphrase is wrong. Wait %n second before trying again.</numerusform>
            <numerusform>The passphrase is wrong. Wait %n seconds before trying again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SecretServiceItems</name>
    <message numerus="yes">
        <source>%n item(s) of the keychain are locked and were not removed. Unlock the keychain and try again.</source>
        <translation>
            <numerusform>%n item of the keychain is locked and was not removed. Unlock the keychain and try again.</numerusform>
            <numerusform>%n items of the keychain are locked and were not removed. Unlock the keychain and try again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keydesk::AccessKeyInventoryPage</name>
    <message numerus="yes">
        <source>%n keys</source>
        <translation>
            <numerusform>%n key</numerusform>
            <numerusform>%n keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n users</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keydesk::CreatedKeyDialog</name>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>Copied. The clipboard is cleared in %n second.</numerusform>
            <numerusform>Copied. The clipboard is cleared in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keydesk::DeleteKeyDialog</name>
    <message numerus="yes">
        <source>%n attempts left.</source>
        <translation>
            <numerusform>%n attempt left.</numerusform>
            <numerusform>%n attempts left.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keydesk::KeyTableModel</name>
    <message numerus="yes">
        <source>in %n days</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hours</source>
        <translation>
            <numerusform>in %n hour</numerusform>
            <numerusform>in %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n minutes</source>
        <translation>
            <numerusform>in %n minute</numerusform>
            <numerusform>in %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>expired %n days ago</source>
        <translation>
            <numerusform>expired %n day ago</numerusform>
            <numerusform>expired %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>expired %n hours ago</source>
        <translation>
            <numerusform>expired %n hour ago</numerusform>
            <numerusform>expired %n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>expired %n minutes ago</source>
        <translation>
            <numerusform>expired %n minute ago</numerusform>
            <numerusform>expired %n minutes ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keydesk::MainWindow</name>
    <message numerus="yes">
        <source>%n profile(s) lack their secret in the keychain: %1</source>
        <translation>
            <numerusform>%n profile lacks its secret in the keychain: %1</numerusform>
            <numerusform>%n profiles lack their secret in the keychain: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keydesk::ProfileItemsRemoval</name>
    <message numerus="yes">
        <source>Profile “%1” removed: %n item(s) removed from the keychain.</source>
        <translation>
            <numerusform>Profile “%1” removed: %n item removed from the keychain.</numerusform>
            <numerusform>Profile “%1” removed: %n items removed from the keychain.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keydesk::StaleKeptCopies</name>
    <message numerus="yes">
        <source>Remove the kept copies of %n deleted key(s) from the keychain? Their values are lost; the keys no longer exist on the service.</source>
        <translation>
            <numerusform>Remove the kept copy of %n deleted key from the keychain? Its value is lost; the key no longer exists on the service.</numerusform>
            <numerusform>Remove the kept copies of %n deleted keys from the keychain? Their values are lost; the keys no longer exist on the service.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The keychain holds kept copies of %n key(s) that no longer exist: %1</source>
        <translation>
            <numerusform>The keychain holds a kept copy of %n key that no longer exists: %1</numerusform>
            <numerusform>The keychain holds kept copies of %n keys that no longer exist: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keydesk::VerificationDialog</name>
    <message numerus="yes">
        <source>%n attempts left.</source>
        <translation>
            <numerusform>%n attempt left.</numerusform>
            <numerusform>%n attempts left.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Try again in %n seconds.</source>
        <translation>
            <numerusform>Try again in %n second.</numerusform>
            <numerusform>Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keydesk::ViewKeyDialog</name>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n seconds, or when this session ends.</source>
        <translation>
            <numerusform>Copied. The clipboard is cleared in %n second, or when this session ends.</numerusform>
            <numerusform>Copied. The clipboard is cleared in %n seconds, or when this session ends.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Session ends in %n seconds</source>
        <translation>
            <numerusform>Session ends in %n second</numerusform>
            <numerusform>Session ends in %n seconds</numerusform>
        </translation>
    </message>
</context>
</TS>
