<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Fixture</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>删除&amp;&amp;…</translation>
    </message>
    <message>
        <source>&amp;View…</source>
        <translation>查看(&amp;V)…</translation>
    </message>
    <message>
        <source>Save &amp;&amp; close</source>
        <translation>保存并关闭</translation>
    </message>
</context>
</TS>
