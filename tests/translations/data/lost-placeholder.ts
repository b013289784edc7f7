<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Fixture</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <source>%L1 keys listed</source>
        <translation>已列出 %1 个密钥</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) left.</source>
        <translation>
            <numerusform>还剩几次尝试。</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved to %1 at %2.</source>
        <translation>于 %2 保存到 %1。</translation>
    </message>
</context>
</TS>
