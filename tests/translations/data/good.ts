<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Fixture</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Save &amp;&amp; close</source>
        <translation>保存并关闭</translation>
    </message>
    <message>
        <source>Saved to %1 at %2.</source>
        <translation>于 %2 保存到 %1。</translation>
    </message>
    <message>
        <source>%L1 keys listed, 100% done</source>
        <translation>已列出 %L1 个密钥，100% 完成</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n 个密钥</numerusform>
        </translation>
    </message>
    <message>
        <source>Test</source>
        <comment>a button</comment>
        <translation>测试</translation>
    </message>
</context>
</TS>
