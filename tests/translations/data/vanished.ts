<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Fixture</name>
    <message>
        <source>Gone from the code</source>
        <translation type="vanished">已从代码中删除</translation>
    </message>
    <message>
        <source>Gone long ago</source>
        <translation type="obsolete">很久以前删除</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
</TS>
