<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>1 contact in the recycle bin</source>
        <translation>回收站中有 1 位联系人</translation>
    </message>
    <message>
        <source>%1 contacts in the recycle bin</source>
        <translation>回收站中有 %1 位联系人</translation>
    </message>
    <message>
        <source>In the recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Undone: %1.</source>
        <translation>已撤销：%1。</translation>
    </message>
    <message>
        <source>Nothing of “%1” could be taken back.</source>
        <translation>“%1”没有任何内容可以撤销。</translation>
    </message>
    <message>
        <source>%1 was changed again since, so it was left as it is.</source>
        <translation>%1之后又被修改过，因此保持不变。</translation>
    </message>
    <message>
        <source>%1 were changed again since, so they were left as they are.</source>
        <translation>%1之后又被修改过，因此保持不变。</translation>
    </message>
    <message>
        <source>1 change was to a record deleted since.</source>
        <translation>有 1 处更改所属的记录之后已被删除。</translation>
    </message>
    <message numerus="yes">
        <source>%n changes were to records deleted since.</source>
        <translation>
            <numerusform>有 %n 处更改所属的记录之后已被删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>1 contact</source>
        <translation>1 位联系人</translation>
    </message>
    <message numerus="yes">
        <source>%n contacts</source>
        <translation>
            <numerusform>%n 位联系人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accounts</source>
        <translation>
            <numerusform>%n 个客户</numerusform>
        </translation>
    </message>
    <message>
        <source>1 order</source>
        <translation>1 个订单</translation>
    </message>
    <message numerus="yes">
        <source>%n orders</source>
        <translation>
            <numerusform>%n 个订单</numerusform>
        </translation>
    </message>
    <message>
        <source>1 lead</source>
        <translation>1 条线索</translation>
    </message>
    <message numerus="yes">
        <source>%n leads</source>
        <translation>
            <numerusform>%n 条线索</numerusform>
        </translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 个日程</translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n 个日程</numerusform>
        </translation>
    </message>
    <message>
        <source>1 product</source>
        <translation>1 个产品</translation>
    </message>
    <message numerus="yes">
        <source>%n products</source>
        <translation>
            <numerusform>%n 个产品</numerusform>
        </translation>
    </message>
    <message>
        <source>Take back the import of %1?</source>
        <translation>撤销 %1 的导入？</translation>
    </message>
    <message>
        <source>This removes the %1 it created.</source>
        <translation>这会移除它创建的 %1。</translation>
    </message>
    <message>
        <source>It also takes back what it added to 1 existing contact.</source>
        <translation>同时撤回它对 1 位已有联系人所做的补充。</translation>
    </message>
    <message numerus="yes">
        <source>It also takes back what it added to %n existing contacts.</source>
        <translation>
            <numerusform>同时撤回它对 %n 位已有联系人所做的补充。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>one sentence after another</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>%1 contacts</source>
        <translation>%1 位联系人</translation>
    </message>
    <message>
        <source>1 account in the recycle bin</source>
        <translation>回收站中有 1 个客户</translation>
    </message>
    <message>
        <source>%1 accounts in the recycle bin</source>
        <translation>回收站中有 %1 个客户</translation>
    </message>
    <message>
        <source>1 account</source>
        <translation>1 个客户</translation>
    </message>
    <message>
        <source>%1 accounts</source>
        <translation>%1 个客户</translation>
    </message>
    <message>
        <source>Delete 1 contact for good, with their phones, emails and addresses? This cannot be undone.</source>
        <translation>永久删除这 1 位联系人及其电话、邮箱和地址？此操作无法撤销。</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n contacts for good, with their phones, emails and addresses? This cannot be undone.</source>
        <translation>
            <numerusform>永久删除这 %n 位联系人及其电话、邮箱和地址？此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete 1 account for good, with its phones, emails and addresses? Its contacts stay, without an account. This cannot be undone.</source>
        <translation>永久删除这 1 个客户及其电话、邮箱和地址？其联系人会保留，但不再属于任何客户。此操作无法撤销。</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n accounts for good, with their phones, emails and addresses? Their contacts stay, without an account. This cannot be undone.</source>
        <translation>
            <numerusform>永久删除这 %n 个客户及其电话、邮箱和地址？其联系人会保留，但不再属于任何客户。此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>With a phone</source>
        <translation>有电话</translation>
    </message>
    <message>
        <source>With an email</source>
        <translation>有邮箱</translation>
    </message>
    <message>
        <source>Account tiers</source>
        <translation>所属客户等级</translation>
    </message>
    <message>
        <source>Cities</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Their contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>价值等级</translation>
    </message>
    <message>
        <source>Industries</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>1 account deleted for good.</source>
        <translation>已永久删除 1 个客户。</translation>
    </message>
    <message numerus="yes">
        <source>%n accounts deleted for good.</source>
        <translation>
            <numerusform>已永久删除 %n 个客户。</numerusform>
        </translation>
    </message>
    <message>
        <source>Search name, pinyin, phone, email…</source>
        <translation>搜索姓名、拼音、电话、邮箱…</translation>
    </message>
    <message>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Show deleted records, to restore them</source>
        <translation>显示已删除的记录，以便恢复</translation>
    </message>
    <message>
        <source>Industry (of the contact&apos;s account)</source>
        <translation>行业（联系人所属客户）</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Bring the selected records back from the recycle bin</source>
        <translation>从回收站恢复所选记录</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部价值等级</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部忠诚阶段</translation>
    </message>
    <message>
        <source>All industries</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>All cities</source>
        <translation>全部城市</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>All segments</source>
        <translation>全部细分</translation>
    </message>
    <message>
        <source>A saved segment (Campaigns &gt; Segments)</source>
        <translation>已保存的客户细分（营销活动 &gt; 客户细分）</translation>
    </message>
    <message>
        <source>Customer value tier (of the contact&apos;s account)</source>
        <translation>客户价值等级（联系人所属客户）</translation>
    </message>
    <message>
        <source>Loyalty stage (of the contact&apos;s account)</source>
        <translation>忠诚阶段（联系人所属客户）</translation>
    </message>
    <message>
        <source>Empty recycle bin…</source>
        <translation>清空回收站…</translation>
    </message>
    <message>
        <source>Delete everything in the recycle bin for good</source>
        <translation>永久删除回收站中的所有内容</translation>
    </message>
    <message>
        <source>Clear search and filters</source>
        <translation>清除搜索和筛选</translation>
    </message>
    <message>
        <source>Nothing matches the search and filters.</source>
        <translation>没有符合搜索和筛选条件的记录。</translation>
    </message>
    <message>
        <source>No %1 yet: press New to add one, or import a file.</source>
        <translation>还没有%1：点击“新建”添加，或导入文件。</translation>
    </message>
    <message>
        <source>Restore 1 contact</source>
        <translation>恢复 1 位联系人</translation>
    </message>
    <message numerus="yes">
        <source>Restore %n contacts</source>
        <translation>
            <numerusform>恢复 %n 位联系人</numerusform>
        </translation>
    </message>
    <message>
        <source>1 contact deleted for good.</source>
        <translation>已永久删除 1 位联系人。</translation>
    </message>
    <message numerus="yes">
        <source>%n contacts deleted for good.</source>
        <translation>
            <numerusform>已永久删除 %n 位联系人。</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore 1 account</source>
        <translation>恢复 1 个客户</translation>
    </message>
    <message numerus="yes">
        <source>Restore %n accounts</source>
        <translation>
            <numerusform>恢复 %n 个客户</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a contact to see and edit it here, or press New to add one.</source>
        <translation>选择一位联系人在此查看和编辑，或点击“新建”添加。</translation>
    </message>
    <message>
        <source>Select an account to see and edit it here, or press New to add one.</source>
        <translation>选择一个客户在此查看和编辑，或点击“新建”添加。</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <source>same email</source>
        <translation>邮箱相同</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>姓名相同</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>姓名相似</translation>
    </message>
    <message>
        <source>same account</source>
        <translation>同一客户</translation>
    </message>
    <message>
        <source>same organization</source>
        <translation>同一单位</translation>
    </message>
    <message>
        <source>same birthday</source>
        <translation>生日相同</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation>中间名</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>称谓</translation>
    </message>
    <message>
        <source>Suffix</source>
        <translation>后缀</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>昵称</translation>
    </message>
    <message>
        <source>Phonetic family name</source>
        <translation>姓（拼音）</translation>
    </message>
    <message>
        <source>Phonetic given name</source>
        <translation>名（拼音）</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation>首选联系方式</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Emails</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>税号</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>价值等级</translation>
    </message>
    <message>
        <source>Loyalty stage</source>
        <translation>忠诚度阶段</translation>
    </message>
    <message>
        <source>Lifecycle phase</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Sort key</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>(photo)</source>
        <translation>（照片）</translation>
    </message>
    <message>
        <source>Keep this record</source>
        <translation>保留此记录</translation>
    </message>
    <message>
        <source>%1 (all kept)</source>
        <translation>%1（全部保留）</translation>
    </message>
    <message>
        <source>Survivor</source>
        <translation>保留</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of possible duplicates</source>
        <translation>
            <numerusform>%n 组可能重复的联系人</numerusform>
        </translation>
    </message>
    <message>
        <source>vCard 3.0 (phones, Outlook, most address books)</source>
        <translation>vCard 3.0（手机、Outlook 及大多数通讯录）</translation>
    </message>
    <message>
        <source>vCard 4.0</source>
        <translation>vCard 4.0</translation>
    </message>
    <message>
        <source>CSV (Google Contacts header)</source>
        <translation>CSV（Google 通讯录表头）</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿 (.xlsx)</translation>
    </message>
    <message>
        <source>(keep in notes)</source>
        <translation>（保留在备注中）</translation>
    </message>
    <message>
        <source>(do not import)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>(type of the column beside it)</source>
        <translation>（旁边一列的类型）</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 address: %2</source>
        <translation>%1地址：%2</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>省份/地区</translation>
    </message>
    <message>
        <source>Birthday within (days)</source>
        <translation>几天内过生日</translation>
    </message>
    <message>
        <source>Bought product or category</source>
        <translation>购买过产品或类别</translation>
    </message>
    <message>
        <source>No order for (days)</source>
        <translation>多少天未下单</translation>
    </message>
    <message>
        <source>Has an open opportunity</source>
        <translation>有进行中的商机</translation>
    </message>
    <message>
        <source>Has an open case</source>
        <translation>有未结的服务工单</translation>
    </message>
    <message>
        <source>Text search</source>
        <translation>全文搜索</translation>
    </message>
    <message>
        <source>RFM cell</source>
        <translation>RFM 单元</translation>
    </message>
    <message>
        <source>RFM segment</source>
        <translation>RFM 分群</translation>
    </message>
    <message>
        <source>product %1 in category %2</source>
        <translation>类别为“%2”的产品 %1</translation>
    </message>
    <message>
        <source>product %1</source>
        <translation>产品 %1</translation>
    </message>
    <message>
        <source>a product in category %1</source>
        <translation>类别为“%1”的产品</translation>
    </message>
    <message>
        <source>anything</source>
        <translation>任意产品</translation>
    </message>
    <message>
        <source>between %1 and %2</source>
        <translation>在 %1 至 %2 期间</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>Bought %1</source>
        <translation>购买过%1</translation>
    </message>
    <message>
        <source>Bought %1 %2</source>
        <translation>%2购买过%1</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>All of these (AND)</source>
        <translation>满足全部条件（且）</translation>
    </message>
    <message>
        <source>Any of these (OR)</source>
        <translation>满足任一条件（或）</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>即时通讯</translation>
    </message>
    <message>
        <source>Full name (as written)</source>
        <translation>全名（按原样）</translation>
    </message>
    <message>
        <source>Photo address (URL)</source>
        <translation>照片地址（URL）</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Customer e-mail</source>
        <translation>客户电子邮件</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>订单日期</translation>
    </message>
    <message>
        <source>Order amount</source>
        <translation>订单金额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Line amount</source>
        <translation>明细金额</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Lead source</source>
        <translation>线索来源</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Estimated amount</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <source>Product code</source>
        <translation>产品编码</translation>
    </message>
    <message>
        <source>Product name</source>
        <translation>产品名称</translation>
    </message>
    <message>
        <source>Product category</source>
        <translation>产品类别</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Tax rate %</source>
        <translation>税率 %</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Active (yes/no)</source>
        <translation>启用（是/否）</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; event(s) in the file</source>
        <translation>
            <numerusform>文件中有 &lt;b&gt;%n&lt;/b&gt; 个日程</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; new</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; 个新建</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; update(s) an event with the same UID</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; 个更新同一 UID 的已有日程</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; already here unchanged</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; 个已存在且无变化</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; line(s) skipped or read in part</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; 行被跳过或仅部分读取</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3, %4, %5.</source>
        <translation>%1：%2，%3，%4，%5。</translation>
    </message>
    <message>
        <source>Title</source>
        <comment>of an event</comment>
        <translation>标题</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Updates the event with this UID</source>
        <translation>更新具有此 UID 的日程</translation>
    </message>
    <message>
        <source>Already here, unchanged</source>
        <translation>已存在，无变化</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Lines skipped or read in part</source>
        <translation>被跳过或仅部分读取的行</translation>
    </message>
    <message numerus="yes">
        <source>%n new event(s)</source>
        <translation>
            <numerusform>新建 %n 个日程</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>更新 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported: %1, %2.</source>
        <translation>已导入：%1，%2。</translation>
    </message>
    <message>
        <source>Already here</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>No matching account</source>
        <translation>无匹配客户</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>accounts</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>event</source>
        <translation>日程</translation>
    </message>
    <message>
        <source>events</source>
        <translation>日程</translation>
    </message>
    <message>
        <source>opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>case</source>
        <translation>服务工单</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>服务工单</translation>
    </message>
    <message>
        <source>survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>surveys</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>stages</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>emails</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Created %1 %2</source>
        <translation>新建%1 %2</translation>
    </message>
    <message>
        <source>Edited %1 %2</source>
        <translation>编辑%1 %2</translation>
    </message>
    <message>
        <source>Deleted %1 %2</source>
        <translation>删除%1 %2</translation>
    </message>
    <message>
        <source>Restored %1 %2</source>
        <translation>恢复%1 %2</translation>
    </message>
    <message>
        <source>Merged %3 %1 into %2</source>
        <translation>将 %3 个%1合并到 %2</translation>
    </message>
    <message>
        <source>Unmerged %1 %2</source>
        <translation>拆分%1 %2</translation>
    </message>
    <message>
        <source>created %1 %2</source>
        <translation>新建 %1 个%2</translation>
    </message>
    <message>
        <source>edited %1 %2</source>
        <translation>编辑 %1 个%2</translation>
    </message>
    <message>
        <source>deleted %1 %2</source>
        <translation>删除 %1 个%2</translation>
    </message>
    <message>
        <source>restored %1 %2</source>
        <translation>恢复 %1 个%2</translation>
    </message>
    <message>
        <source>merged %1 %2</source>
        <translation>合并 %1 个%2</translation>
    </message>
    <message>
        <source>unmerged %1 %2</source>
        <translation>拆分 %1 个%2</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>%1 处更改</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Undid: %1</source>
        <translation>撤销：%1</translation>
    </message>
    <message>
        <source>Redid: %1</source>
        <translation>重做：%1</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>导入 %1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>……另有 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>永久删除</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Select a deleted record to see it, then Restore to bring it back or Delete for good to remove it.</source>
        <translation>选择一条已删除的记录查看，然后点击“恢复”将其恢复，或点击“永久删除”彻底删除。</translation>
    </message>
    <message>
        <source>Delete repeating event</source>
        <translation>删除重复日程</translation>
    </message>
    <message>
        <source>Change repeating event</source>
        <translation>修改重复日程</translation>
    </message>
    <message>
        <source>This event repeats. Which occurrences do you mean?</source>
        <translation>这是一个重复日程。要针对哪些日程？</translation>
    </message>
    <message>
        <source>This occurrence</source>
        <translation>仅此日程</translation>
    </message>
    <message>
        <source>This and following</source>
        <translation>此日程及之后</translation>
    </message>
    <message>
        <source>All occurrences</source>
        <translation>全部日程</translation>
    </message>
    <message>
        <source>New event %1</source>
        <translation>新建日程 %1</translation>
    </message>
    <message>
        <source>Change event %1</source>
        <translation>修改日程 %1</translation>
    </message>
    <message>
        <source>Delete event %1</source>
        <translation>删除日程 %1</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>已完成：%1</translation>
    </message>
    <message>
        <source>Outcome of %1</source>
        <translation>%1 的结果</translation>
    </message>
    <message>
        <source>Task done</source>
        <translation>任务完成</translation>
    </message>
    <message>
        <source>Task not done</source>
        <translation>任务未完成</translation>
    </message>
    <message>
        <source>Opened read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>%1 is already open in another crmdesk window. This window shows it read-only; make changes in the other window.</source>
        <translation>%1 已在另一个 crmdesk 窗口中打开。此窗口以只读方式显示；请在另一个窗口中修改。</translation>
    </message>
    <message>
        <source>Empty file</source>
        <translation>空文件</translation>
    </message>
    <message>
        <source>%1 is empty and was not made by crmdesk. Make it a new crmdesk database?</source>
        <translation>%1 是空文件，并非由 crmdesk 创建。要把它作为新的 crmdesk 数据库吗？</translation>
    </message>
    <message>
        <source>Damaged database</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>%1 is damaged: part of the file cannot be read.</source>
        <translation>%1 已损坏：文件的一部分无法读取。</translation>
    </message>
    <message>
        <source>Nothing has been written to it. Open another file, restore a backup, or copy what can still be read into a new file.</source>
        <translation>没有向它写入任何内容。您可以打开其他文件、恢复备份，或将仍可读取的内容复制到新文件。</translation>
    </message>
    <message>
        <source>Open Another File…</source>
        <translation>打开其他文件…</translation>
    </message>
    <message>
        <source>Restore a Backup…</source>
        <translation>恢复备份…</translation>
    </message>
    <message>
        <source>Try to Salvage…</source>
        <translation>尝试抢救…</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Salvage into</source>
        <translation>抢救到</translation>
    </message>
    <message>
        <source>Encrypted Database</source>
        <translation>加密的数据库</translation>
    </message>
    <message>
        <source>%1 is encrypted. Enter its passphrase to open it.</source>
        <translation>%1 已加密。请输入密码短语以打开它。</translation>
    </message>
    <message>
        <source>Remember it in the system keyring</source>
        <translation>保存在系统密钥环中</translation>
    </message>
    <message>
        <source>Anyone who can log in as you can then open the file without the passphrase.</source>
        <translation>这样，任何能以您的身份登录的人都无需密码短语即可打开该文件。</translation>
    </message>
    <message>
        <source>That passphrase does not open the file. Try again.</source>
        <translation>该密码短语无法打开此文件，请重试。</translation>
    </message>
    <message>
        <source>Delete case %1</source>
        <translation>删除工单 %1</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n case(s)</source>
        <translation>
            <numerusform>删除 %n 个工单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %n case(s)</source>
        <translation>
            <numerusform>恢复 %n 个工单</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountForm</name>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>e.g. 北京星辰科技有限公司</source>
        <translation>例如：北京星辰科技有限公司</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Printed on contracts</source>
        <translation>打印在合同上</translation>
    </message>
    <message>
        <source>e.g. trade fair, referral</source>
        <translation>例如：展会、转介绍</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>税号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Customer value</source>
        <translation>客户价值</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>价值等级</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>忠诚度</translation>
    </message>
    <message>
        <source>Lifecycle phase</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <source>Phones, emails and addresses</source>
        <translation>电话、邮箱和地址</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Emails</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Owner, tags and notes</source>
        <translation>负责人、标签和备注</translation>
    </message>
    <message>
        <source>Who looks after this account</source>
        <translation>负责此客户的人</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>This account is in the recycle bin.</source>
        <translation>此客户在回收站中。</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>No name</source>
        <translation>无名称</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>No contacts yet</source>
        <translation>暂无联系人</translation>
    </message>
    <message>
        <source>1 contact</source>
        <translation>1 位联系人</translation>
    </message>
    <message numerus="yes">
        <source>%n contacts</source>
        <translation>
            <numerusform>%n 位联系人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountKind</name>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>个人</translation>
    </message>
</context>
<context>
    <name>AccountPicker</name>
    <message>
        <source>No account</source>
        <translation>无客户</translation>
    </message>
</context>
<context>
    <name>AccountStory</name>
    <message>
        <source>Order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <source>Ordered on</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>品名</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>成交概率</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>成交日期</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Reason lost</source>
        <translation>丢单原因</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Yes, this is a recurring series</source>
        <translation>是，这是重复日程</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参加人</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>AccountStoryView</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>No contacts at this account yet.</source>
        <translation>此客户还没有联系人。</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Close date</source>
        <translation>成交日期</translation>
    </message>
    <message>
        <source>No opportunities.</source>
        <translation>没有商机。</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No orders yet.</source>
        <translation>还没有订单。</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>No open service cases.</source>
        <translation>没有未结的服务工单。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Nothing planned.</source>
        <translation>没有计划的日程。</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Cases and events</source>
        <translation>服务与日程</translation>
    </message>
    <message>
        <source>No revenue yet.</source>
        <translation>还没有营收。</translation>
    </message>
    <message>
        <source>Revenue: %1 in the last 12 months, %2 in all</source>
        <translation>营收：近 12 个月 %1，累计 %2</translation>
    </message>
    <message>
        <source>Opportunities (%1)</source>
        <translation>商机 (%1)</translation>
    </message>
    <message>
        <source>Orders (%1, the latest %2 shown)</source>
        <translation>订单 (%1，显示最近 %2 笔)</translation>
    </message>
    <message>
        <source>Orders (%1)</source>
        <translation>订单 (%1)</translation>
    </message>
    <message>
        <source>Open service cases (%1)</source>
        <translation>未结服务工单 (%1)</translation>
    </message>
    <message>
        <source>Upcoming (the next %1)</source>
        <translation>即将进行 (最近 %1 项)</translation>
    </message>
    <message>
        <source>Upcoming (%1)</source>
        <translation>即将进行 (%1)</translation>
    </message>
    <message>
        <source>Contacts (%1)</source>
        <translation>联系人 (%1)</translation>
    </message>
    <message>
        <source>Cases and events (%1)</source>
        <translation>服务与日程 (%1)</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>AccountTableModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>忠诚度</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Edit activity</source>
        <translation>编辑活动</translation>
    </message>
    <message>
        <source>Log activity</source>
        <translation>记录活动</translation>
    </message>
    <message>
        <source>What was it about?</source>
        <translation>关于什么？</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>e.g. order promised for May</source>
        <translation>例如：答应五月下单</translation>
    </message>
    <message>
        <source>No contacts at this account yet.</source>
        <translation>此客户还没有联系人。</translation>
    </message>
    <message>
        <source>What was said, what was agreed</source>
        <translation>谈了什么，约定了什么</translation>
    </message>
    <message>
        <source>Follow-up task</source>
        <translation>跟进任务</translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation>要做的事</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>With</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>People present</source>
        <translation>在场人员</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Follow up: %1</source>
        <translation>跟进：%1</translation>
    </message>
    <message>
        <source>Follow up with %1</source>
        <translation>跟进 %1</translation>
    </message>
</context>
<context>
    <name>ActivityKind</name>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
</context>
<context>
    <name>AddressKind</name>
    <message>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>住宅</translation>
    </message>
    <message>
        <source>Postal</source>
        <translation>邮寄</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>AddressRow</name>
    <message>
        <source>Remove this address</source>
        <translation>删除此地址</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Building, floor</source>
        <translation>楼栋、楼层</translation>
    </message>
    <message>
        <source>PO box</source>
        <translation>邮政信箱</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Province / state</source>
        <translation>省 / 州</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>邮政编码</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <source>beside the database (a backups folder)</source>
        <translation>数据库旁边（backups 文件夹）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Back up on the first start of each day</source>
        <translation>每天首次启动时备份</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Daily backups kept:</source>
        <translation>保留的每日备份：</translation>
    </message>
    <message>
        <source>Weekly backups kept:</source>
        <translation>保留的每周备份：</translation>
    </message>
    <message>
        <source>Monthly backups kept:</source>
        <translation>保留的每月备份：</translation>
    </message>
    <message>
        <source>Every backup is checked after it is written. Older ones beyond these counts are deleted.</source>
        <translation>每个备份写入后都会经过检查。超出这些数量的较旧备份会被删除。</translation>
    </message>
    <message>
        <source>Backup Folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>BoughtEditor</name>
    <message>
        <source>Product code</source>
        <translation>产品编码</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>任意类别</translation>
    </message>
    <message>
        <source>Product category</source>
        <translation>产品类别</translation>
    </message>
    <message>
        <source>Bought on or after this day</source>
        <translation>在此日期当天或之后购买</translation>
    </message>
    <message>
        <source>since</source>
        <translation>自</translation>
    </message>
</context>
<context>
    <name>CalendarPane</name>
    <message>
        <source>Previous (PgUp)</source>
        <translation>上一页 (PgUp)</translation>
    </message>
    <message>
        <source>Next (PgDn)</source>
        <translation>下一页 (PgDn)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>新建日程</translation>
    </message>
    <message>
        <source>Day plan…</source>
        <translation>日程安排…</translation>
    </message>
    <message>
        <source>The day&apos;s visits as a printable PDF</source>
        <translation>当天的拜访，生成可打印的 PDF</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Work week</source>
        <translation>工作周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Calendar of</source>
        <translation>日历：</translation>
    </message>
    <message>
        <source>Whose events the views show</source>
        <translation>视图显示谁的日程</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Whose tasks to list</source>
        <translation>列出谁的任务</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Everyone, by owner</source>
        <translation>所有人（按负责人）</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>无负责人</translation>
    </message>
</context>
<context>
    <name>CalendarRangeModel</name>
    <message>
        <source>all day</source>
        <translation>全天</translation>
    </message>
</context>
<context>
    <name>CallEntryStatus</name>
    <message>
        <source>To call</source>
        <translation>待拨打</translation>
    </message>
    <message>
        <source>Callback booked</source>
        <translation>已约回电</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Given up</source>
        <translation>已放弃</translation>
    </message>
</context>
<context>
    <name>CallOutcome</name>
    <message>
        <source>Reached</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>号码错误</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>约定回电</translation>
    </message>
</context>
<context>
    <name>CallingView</name>
    <message>
        <source>everyone&apos;s entries</source>
        <translation>所有人的条目</translation>
    </message>
    <message>
        <source>A note on this call</source>
        <translation>本次通话备注</translation>
    </message>
    <message>
        <source>Call list:</source>
        <translation>呼叫清单：</translation>
    </message>
    <message>
        <source>Caller:</source>
        <translation>拨打人：</translation>
    </message>
    <message>
        <source>Next call</source>
        <translation>下一通电话</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Phones:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Open tasks:</source>
        <translation>未完成任务：</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>话术</translation>
    </message>
    <message>
        <source>Last activities</source>
        <translation>最近活动</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Call back at:</source>
        <translation>回电时间：</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 of %2 done, %3 calls</source>
        <translation>已完成 %1 / %2，共拨打 %3 次</translation>
    </message>
    <message>
        <source>Nobody left to call now.</source>
        <translation>现在没有需要拨打的联系人。</translation>
    </message>
    <message>
        <source>no phone</source>
        <translation>无电话</translation>
    </message>
    <message>
        <source>Call %1: %2</source>
        <translation>致电 %1：%2</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>New campaign</source>
        <translation>新建营销活动</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>e.g. An offer for {{ name }}</source>
        <translation>例如：{{ name }} 的专属优惠</translation>
    </message>
    <message>
        <source>Fields: {{ name }}, {{ given_name }}, {{ company }}, {{ title }}, {{ city }}</source>
        <translation>可用字段：{{ name }}、{{ given_name }}、{{ company }}、{{ title }}、{{ city }}</translation>
    </message>
    <message>
        <source>HTML version (optional)</source>
        <translation>HTML 版本（可选）</translation>
    </message>
    <message>
        <source>What the callers say</source>
        <translation>拨打人使用的话术</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Goal:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>客户细分：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>时间段：</translation>
    </message>
    <message>
        <source>Budget:</source>
        <translation>预算：</translation>
    </message>
    <message>
        <source>Attribution window:</source>
        <translation>归因期：</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>渠道：</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>正文：</translation>
    </message>
    <message>
        <source>HTML:</source>
        <translation>HTML：</translation>
    </message>
    <message>
        <source>Call script:</source>
        <translation>电话话术：</translation>
    </message>
    <message>
        <source>The budget is not an amount.</source>
        <translation>预算不是有效金额。</translation>
    </message>
    <message>
        <source>New campaign %1</source>
        <translation>新建营销活动 %1</translation>
    </message>
</context>
<context>
    <name>CampaignStatus</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
</context>
<context>
    <name>CampaignView</name>
    <message>
        <source>New campaign…</source>
        <translation>新建营销活动…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Queue e-mails</source>
        <translation>邮件加入发件箱</translation>
    </message>
    <message>
        <source>SMS file…</source>
        <translation>短信文件…</translation>
    </message>
    <message>
        <source>Copy WeChat texts</source>
        <translation>复制微信文案</translation>
    </message>
    <message>
        <source>Excel report…</source>
        <translation>Excel 报表…</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Left out because</source>
        <translation>排除原因</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Record response</source>
        <translation>记录响应</translation>
    </message>
    <message>
        <source>Selected members answered:</source>
        <translation>所选成员的响应：</translation>
    </message>
    <message>
        <source>Touches to do</source>
        <translation>待办触达</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>邮寄</translation>
    </message>
    <message>
        <source>No campaign yet: press New campaign… to make one.</source>
        <translation>还没有营销活动：点击“新建营销活动…”创建一个。</translation>
    </message>
    <message>
        <source>Segment: %1 · members %2, left out %3 · reached %4 · responded %5 · converted %6 · revenue %7 · cost per response %8 · ROI %9</source>
        <translation>客户细分：%1 · 成员 %2，排除 %3 · 已触达 %4 · 已响应 %5 · 已成交 %6 · 收入 %7 · 单次响应成本 %8 · 投资回报率 %9</translation>
    </message>
    <message>
        <source>Results per channel</source>
        <translation>各渠道效果</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已触达</translation>
    </message>
    <message>
        <source>Responded</source>
        <translation>已响应</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>已成交</translation>
    </message>
    <message>
        <source>Start campaign %1</source>
        <translation>启动营销活动 %1</translation>
    </message>
    <message>
        <source>Started: %1 members, %2 left out, %3 e-mails queued.</source>
        <translation>已启动：%1 名成员，排除 %2 名，%3 封邮件已加入发件箱。</translation>
    </message>
    <message>
        <source>Queue the e-mails of %1</source>
        <translation>将 %1 的邮件加入发件箱</translation>
    </message>
    <message numerus="yes">
        <source>%n e-mail(s) queued.</source>
        <translation>
            <numerusform>%n 封邮件已加入发件箱。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the members who answered first.</source>
        <translation>请先选择作出响应的成员。</translation>
    </message>
    <message>
        <source>Response of %1: %2</source>
        <translation>%1 的响应：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n response(s): %2</source>
        <translation>
            <numerusform>%n 条响应：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>SMS gateway file</source>
        <translation>短信网关文件</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>%1 messages written, %2 without a usable number.</source>
        <translation>已写入 %1 条短信，%2 人没有可用号码。</translation>
    </message>
    <message>
        <source>The WeChat texts are on the clipboard.</source>
        <translation>微信文案已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Campaign report</source>
        <translation>营销活动报表</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The report was written to %1.</source>
        <translation>报表已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>CampaignsPane</name>
    <message>
        <source>Campaigns</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>客户细分</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>发件箱</translation>
    </message>
    <message>
        <source>Calling</source>
        <translation>电话外呼</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <source>Case</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Type to find an account</source>
        <translation>输入名称查找客户</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>未调查</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>优先级：</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>来源渠道：</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Targets:</source>
        <translation>服务时限：</translation>
    </message>
    <message>
        <source>Time spent:</source>
        <translation>耗时：</translation>
    </message>
    <message>
        <source>Satisfaction (1-10):</source>
        <translation>满意度（1-10）：</translation>
    </message>
    <message>
        <source>Publish as solution…</source>
        <translation>发布为解决方案…</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Suggested solutions</source>
        <translation>推荐解决方案</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>分派</translation>
    </message>
    <message>
        <source>Start work</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>What was said or done</source>
        <translation>沟通内容或处理措施</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Given when the case is saved</source>
        <translation>保存工单后计算</translation>
    </message>
    <message>
        <source>(escalated)</source>
        <translation>（已升级）</translation>
    </message>
    <message>
        <source>respond by %1, resolve by %2</source>
        <translation>%1 前响应，%2 前解决</translation>
    </message>
    <message>
        <source>Send satisfaction survey…</source>
        <translation>发送满意度调查…</translation>
    </message>
    <message>
        <source>Edit the solution…</source>
        <translation>编辑解决方案…</translation>
    </message>
    <message>
        <source>★ A complaint from a VIP customer</source>
        <translation>★ VIP 客户投诉</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Save case %1</source>
        <translation>保存工单 %1</translation>
    </message>
    <message>
        <source>Case: %1</source>
        <translation>工单：%1</translation>
    </message>
    <message>
        <source>Case %1 is closed. Send the satisfaction survey to %2 by e-mail (%3)?</source>
        <translation>工单 %1 已关闭。是否通过电子邮件（%3）向 %2 发送满意度调查？</translation>
    </message>
    <message>
        <source>the case&apos;s owner (nobody yet)</source>
        <translation>工单负责人（尚未指定）</translation>
    </message>
    <message>
        <source>Case %1 is closed. Ask %2 for a satisfaction survey by %3 (%4)?

%5 gets a task to do it, due %6.</source>
        <translation>工单 %1 已关闭。是否通过%3（%4）请 %2 填写满意度调查？

将为 %5 创建一项任务，截止日期 %6。</translation>
    </message>
    <message>
        <source>no details on file</source>
        <translation>没有登记联系方式</translation>
    </message>
    <message>
        <source>Satisfaction survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Send the survey</source>
        <translation>发送调查</translation>
    </message>
    <message>
        <source>Create the task</source>
        <translation>创建任务</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
    <message>
        <source>Send the satisfaction survey of case %1</source>
        <translation>发送工单 %1 的满意度调查</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>添加处理记录</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>This database keeps no files beside it.</source>
        <translation>此数据库旁没有可存放附件的文件夹。</translation>
    </message>
    <message>
        <source>Attach %1</source>
        <translation>添加附件 %1</translation>
    </message>
    <message>
        <source>Publish a solution</source>
        <translation>发布解决方案</translation>
    </message>
</context>
<context>
    <name>CaseKind</name>
    <message>
        <source>Inquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
</context>
<context>
    <name>CasePriority</name>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
</context>
<context>
    <name>CaseStatus</name>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已分派</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>!</source>
        <translation>!</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>解决时限</translation>
    </message>
</context>
<context>
    <name>ChangeAction</name>
    <message>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Unmerged</source>
        <translation>取消合并</translation>
    </message>
    <message>
        <source>Taken back</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
</context>
<context>
    <name>CompanyPage</name>
    <message>
        <source>Company name:</source>
        <translation>公司名称：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Postal code:</source>
        <translation>邮政编码：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>电子邮件：</translation>
    </message>
    <message>
        <source>Tax ID:</source>
        <translation>纳税人识别号：</translation>
    </message>
    <message>
        <source>Bank:</source>
        <translation>开户银行：</translation>
    </message>
    <message>
        <source>Bank account:</source>
        <translation>银行账号：</translation>
    </message>
    <message>
        <source>Our company</source>
        <translation>本公司</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>e.g. 张 or Smith</source>
        <translation>例如：张 或 Smith</translation>
    </message>
    <message>
        <source>e.g. 三 or John</source>
        <translation>例如：三 或 John</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation>中间名</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>e.g. Dr.</source>
        <translation>例如：博士</translation>
    </message>
    <message>
        <source>e.g. Jr.</source>
        <translation>例如：Jr.</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>称谓</translation>
    </message>
    <message>
        <source>Suffix</source>
        <translation>后缀</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>昵称</translation>
    </message>
    <message>
        <source>e.g. Zhāng</source>
        <translation>例如：Zhāng</translation>
    </message>
    <message>
        <source>e.g. Sān</source>
        <translation>例如：Sān</translation>
    </message>
    <message>
        <source>Phonetic family name</source>
        <translation>姓（拼音）</translation>
    </message>
    <message>
        <source>Phonetic given name</source>
        <translation>名（拼音）</translation>
    </message>
    <message>
        <source>Shown as</source>
        <translation>显示为</translation>
    </message>
    <message>
        <source>Phones and emails</source>
        <translation>电话和邮箱</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Prefix, suffix, nickname and phonetic names</source>
        <translation>称谓、后缀、昵称和拼音</translation>
    </message>
    <message>
        <source>Emails</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>No preference</source>
        <translation>无偏好</translation>
    </message>
    <message>
        <source>WeChat ID</source>
        <translation>微信号</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Lunar birthday</source>
        <translation>农历生日</translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation>首选联系方式</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Owner, tags and notes</source>
        <translation>负责人、标签和备注</translation>
    </message>
    <message>
        <source>Who looks after this contact</source>
        <translation>负责此联系人的人</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Less</source>
        <translation>收起</translation>
    </message>
    <message>
        <source>This contact is in the recycle bin.</source>
        <translation>此联系人在回收站中。</translation>
    </message>
    <message>
        <source>No account is called “%1”. Pick one from the list or clear it.</source>
        <translation>没有名为“%1”的客户。请从列表中选择，或清空此项。</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>（尚无姓名）</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>No name</source>
        <translation>无名称</translation>
    </message>
</context>
<context>
    <name>ContactPointList</name>
    <message>
        <source>Add phone</source>
        <translation>添加电话</translation>
    </message>
    <message>
        <source>Add email</source>
        <translation>添加邮箱</translation>
    </message>
    <message>
        <source>Add address</source>
        <translation>添加地址</translation>
    </message>
</context>
<context>
    <name>ContactRole</name>
    <message>
        <source>Decision maker</source>
        <translation>决策者</translation>
    </message>
    <message>
        <source>Influencer</source>
        <translation>影响者</translation>
    </message>
    <message>
        <source>User</source>
        <translation>使用者</translation>
    </message>
</context>
<context>
    <name>ContactRoles</name>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>移除联系人</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>ContactsPane</name>
    <message numerus="yes">
        <source>Showing %1 (%n customer(s)) — clear the filters to see all</source>
        <translation>
            <numerusform>正在显示%1（%n 位客户）— 清除筛选即可查看全部</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConvertDialog</name>
    <message>
        <source>Convert lead</source>
        <translation>转化线索</translation>
    </message>
    <message>
        <source>Convert %1 into a customer. The lead is kept, marked converted.</source>
        <translation>将 %1 转化为客户。线索会保留，并标记为已转化。</translation>
    </message>
    <message>
        <source>Create a new contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>Link to %1 (match %2)</source>
        <translation>关联到 %1（匹配度 %2）</translation>
    </message>
    <message>
        <source>Create a new account</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Link to %1</source>
        <translation>关联到 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n possible duplicate(s) found among contacts and accounts.</source>
        <translation>
            <numerusform>在联系人和客户中发现 %n 个可能的重复记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>No matching contact or account was found.</source>
        <translation>未找到匹配的联系人或客户。</translation>
    </message>
    <message>
        <source>Create an opportunity</source>
        <translation>创建商机</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Convert</source>
        <translation>转化</translation>
    </message>
</context>
<context>
    <name>DayHeader</name>
    <message>
        <source>working day</source>
        <translation>上班</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>全天</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>还有 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DayPlanDialog</name>
    <message>
        <source>Day plan %1</source>
        <translation>%1 日程安排</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>全天</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>最近一次活动</translation>
    </message>
    <message>
        <source>Open opportunities</source>
        <translation>进行中的商机</translation>
    </message>
    <message>
        <source>Nothing planned.</source>
        <translation>没有安排。</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Save the day plan</source>
        <translation>保存日程安排</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>DeleteAccountsCommand</name>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Delete 1 account</source>
        <translation>删除 1 个客户</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n accounts</source>
        <translation>
            <numerusform>删除 %n 个客户</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeleteContactsCommand</name>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Delete 1 contact</source>
        <translation>删除 1 位联系人</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n contacts</source>
        <translation>
            <numerusform>删除 %n 位联系人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Generate quote</source>
        <translation>生成报价单</translation>
    </message>
    <message numerus="yes">
        <source>Generate %n quote(s)</source>
        <translation>
            <numerusform>生成 %n 份报价单</numerusform>
        </translation>
    </message>
    <message>
        <source>Generate contract</source>
        <translation>生成合同</translation>
    </message>
    <message numerus="yes">
        <source>Generate %n contract(s)</source>
        <translation>
            <numerusform>生成 %n 份合同</numerusform>
        </translation>
    </message>
    <message>
        <source>Fields…</source>
        <translation>字段…</translation>
    </message>
    <message>
        <source>Word document (.docx)</source>
        <translation>Word 文档（.docx）</translation>
    </message>
    <message>
        <source>PDF (through LibreOffice)</source>
        <translation>PDF（通过 LibreOffice）</translation>
    </message>
    <message>
        <source>LibreOffice is not installed.</source>
        <translation>未安装 LibreOffice。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Filled in</source>
        <translation>填入内容</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>What the first opportunity fills in:</source>
        <translation>第一个商机填入的内容：</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>This template cannot be used: %1</source>
        <translation>此模板无法使用：%1</translation>
    </message>
    <message>
        <source>Save the documents in</source>
        <translation>文档保存位置</translation>
    </message>
    <message>
        <source>Save the document</source>
        <translation>保存文档</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n document(s).</source>
        <translation>
            <numerusform>已保存 %n 份文档。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>已取消，未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <source>Unsaved edits</source>
        <translation>未保存的修改</translation>
    </message>
    <message numerus="yes">
        <source>crmdesk closed before %n form(s) were saved.</source>
        <translation>
            <numerusform>crmdesk 在 %n 个表单保存前关闭了。</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore the newest edits (from %1) in their form, or discard them all?</source>
        <translation>在表单中恢复最新的修改（%1），还是全部丢弃？</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Duplicate contacts</source>
        <translation>重复联系人</translation>
    </message>
    <message>
        <source>Scan again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Tick the record to keep and, in each row, the value it keeps. Phones, emails, addresses and tags of every record are kept; activities, opportunities, events and orders move to the kept record. Undo or the history can take a merge back.</source>
        <translation>勾选要保留的记录，并在每一行勾选要保留的值。所有记录的电话、邮箱、地址和标签都会保留；活动、商机、日程和订单会转到保留的记录上。合并可通过撤销或历史记录还原。</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Not duplicates</source>
        <translation>不是重复(&amp;N)</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>正在查找重复联系人…</translation>
    </message>
    <message>
        <source>Scan stopped.</source>
        <translation>查找已停止。</translation>
    </message>
    <message>
        <source>Score %1 of 100</source>
        <translation>相似度 %1 / 100</translation>
    </message>
    <message>
        <source>No duplicates found.</source>
        <translation>没有发现重复联系人。</translation>
    </message>
    <message>
        <source>Merged into %1; %2 related records moved. %3</source>
        <translation>已合并到 %1；转移了 %2 条相关记录。%3</translation>
    </message>
</context>
<context>
    <name>EmailKind</name>
    <message>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>住宅</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>EmailPage</name>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>None (local server only)</source>
        <translation>不加密（仅限本机服务器）</translation>
    </message>
    <message>
        <source>kept in the system keyring</source>
        <translation>保存在系统密钥环中</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>加密方式：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>From address:</source>
        <translation>发件地址：</translation>
    </message>
    <message>
        <source>From name:</source>
        <translation>发件人名称：</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
</context>
<context>
    <name>EmailRow</name>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Remove this email</source>
        <translation>删除此邮箱</translation>
    </message>
</context>
<context>
    <name>Escalation</name>
    <message>
        <source>%1 %2 is past its resolution target.</source>
        <translation>%1 %2 已超过解决时限。</translation>
    </message>
    <message>
        <source>%1 %2 has had no response in time.</source>
        <translation>%1 %2 未在时限内响应。</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>New event</source>
        <translation>新建日程</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>编辑日程</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>全天</translation>
    </message>
    <message>
        <source>Who gave this task to the owner</source>
        <translation>谁把这项任务交给负责人</translation>
    </message>
    <message>
        <source>every </source>
        <translation>每 </translation>
    </message>
    <message>
        <source>never ends</source>
        <translation>永不结束</translation>
    </message>
    <message>
        <source>until</source>
        <translation>截止到</translation>
    </message>
    <message>
        <source>times</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>不提醒</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>不重复</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>Monthly on the date</source>
        <translation>每月（按日期）</translation>
    </message>
    <message>
        <source>Monthly on the weekday</source>
        <translation>每月（按星期）</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>每年</translation>
    </message>
    <message>
        <source>At the start</source>
        <translation>开始时</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) before</source>
        <translation>
            <numerusform>提前 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) before</source>
        <translation>
            <numerusform>提前 %n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) before</source>
        <translation>
            <numerusform>提前 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Choose an account to list its contacts</source>
        <translation>选择客户后可列出其联系人</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Assigned by</source>
        <translation>交办人</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Mark done…</source>
        <translation>标记完成…</translation>
    </message>
    <message>
        <source>Record the outcome as an activity</source>
        <translation>把结果记录为一条活动</translation>
    </message>
    <message>
        <source>Time clash</source>
        <translation>时间冲突</translation>
    </message>
    <message numerus="yes">
        <source>This overlaps %n other event(s) of the same owner:</source>
        <translation>
            <numerusform>与同一负责人的 %n 个其他日程时间重叠：</numerusform>
        </translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
</context>
<context>
    <name>EventKind</name>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>EventStatus</name>
    <message>
        <source>Tentative</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export contacts</source>
        <translation>导出联系人</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>全部联系人</translation>
    </message>
    <message>
        <source>The contacts the search and filters show</source>
        <translation>当前搜索和筛选显示的联系人</translation>
    </message>
    <message>
        <source>The selected contacts (%1)</source>
        <translation>所选联系人（%1）</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Contacts:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>保存为：</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Wrote %1 contacts to %2.</source>
        <translation>已将 %1 位联系人写入 %2。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Stopped. No file was written.</source>
        <translation>已停止，未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>FieldsDialog</name>
    <message>
        <source>Template fields</source>
        <translation>模板字段</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>What it holds</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Loop over the lines in a table row of its own: {%tr for line in lines %} … {%tr endfor %}</source>
        <translation>在单独的表格行中循环明细：{%tr for line in lines %} … {%tr endfor %}</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Welcome to crmdesk</source>
        <translation>欢迎使用 crmdesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;Welcome to crmdesk.&lt;/b&gt;&lt;br&gt;Your customers will live in one file on this computer. How would you like to begin?</source>
        <translation>&lt;b&gt;欢迎使用 crmdesk。&lt;/b&gt;&lt;br&gt;您的客户资料将保存在这台电脑上的一个文件里。您想怎样开始？</translation>
    </message>
    <message>
        <source>Try with demo data</source>
        <translation>用演示数据试用</translation>
    </message>
    <message numerus="yes">
        <source>%Ln invented customer(s) in a separate demo file, to look around. Your own database stays untouched.</source>
        <translation>
            <numerusform>在单独的演示文件中生成 %Ln 位虚构客户，供您随意浏览。您自己的数据库不受影响。</numerusform>
        </translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>从空白开始</translation>
    </message>
    <message>
        <source>A new, empty database for your own customers:
%1</source>
        <translation>为您自己的客户新建一个空数据库：
%1</translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation>导入联系人…</translation>
    </message>
    <message>
        <source>Start empty, then bring in a vCard, CSV or Excel file of contacts.</source>
        <translation>从空白开始，然后导入 vCard、CSV 或 Excel 联系人文件。</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Schedule follow-up</source>
        <translation>安排跟进</translation>
    </message>
    <message>
        <source>At a time</source>
        <translation>指定时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>ForecastChart</name>
    <message>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>By quarter</source>
        <translation>按季度</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>销售管道</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Open %1 · pipeline %2 · weighted %3 · won %4</source>
        <translation>未结 %1 个 · 管道 %2 · 加权 %3 · 赢单 %4</translation>
    </message>
</context>
<context>
    <name>HealthView</name>
    <message>
        <source>Funnel: deals that reached a stage</source>
        <translation>漏斗：到达各阶段的商机</translation>
    </message>
    <message>
        <source>Average days in stage</source>
        <translation>各阶段平均停留天数</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商机数</translation>
    </message>
    <message>
        <source>Went on (%)</source>
        <translation>推进率（%）</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Win rate %1 · won %2, lost %3 · average deal %4 · sales cycle %5 days · %6 deals past their close date (%7)</source>
        <translation>赢单率 %1 · 赢单 %2，输单 %3 · 平均成交额 %4 · 销售周期 %5 天 · %6 个商机已过预计成交日（%7）</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>更改数</translation>
    </message>
    <message>
        <source>Show older</source>
        <translation>显示更早的</translation>
    </message>
    <message>
        <source>&amp;Undo this change</source>
        <translation>撤销此更改(&amp;U)</translation>
    </message>
    <message>
        <source>U&amp;nmerge</source>
        <translation>拆分合并(&amp;N)</translation>
    </message>
    <message>
        <source>%1 (taken back)</source>
        <translation>%1（已撤销）</translation>
    </message>
    <message>
        <source>Nothing has been changed yet.</source>
        <translation>尚无任何更改。</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>update %1</source>
        <translation>更新 %1</translation>
    </message>
    <message>
        <source>duplicate of %1</source>
        <translation>与 %1 重复</translation>
    </message>
    <message>
        <source>rejected: %1</source>
        <translation>拒绝：%1</translation>
    </message>
    <message>
        <source>no name, phone number or e-mail address</source>
        <translation>没有姓名、电话号码或电子邮件地址</translation>
    </message>
    <message>
        <source>“%1” was left out: %2</source>
        <translation>未导入“%1”：%2</translation>
    </message>
    <message>
        <source>%1 accounts match the customer&apos;s code</source>
        <translation>有 %1 个客户的编号与该客户相符</translation>
    </message>
    <message>
        <source>%1 accounts match the customer&apos;s name</source>
        <translation>有 %1 个客户的名称与该客户相符</translation>
    </message>
    <message>
        <source>no customer (name, code or e-mail)</source>
        <translation>没有客户（名称、编号或电子邮件）</translation>
    </message>
    <message>
        <source>no order date</source>
        <translation>没有订单日期</translation>
    </message>
    <message>
        <source>the amounts cannot be computed: %1</source>
        <translation>金额无法计算：%1</translation>
    </message>
    <message>
        <source>no amount and no order lines</source>
        <translation>没有金额，也没有订单明细</translation>
    </message>
    <message>
        <source>The order&apos;s total</source>
        <translation>订单总额</translation>
    </message>
    <message>
        <source>A unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>A line&apos;s amount</source>
        <translation>明细金额</translation>
    </message>
    <message>
        <source>the quantity %1 is out of range</source>
        <translation>数量 %1 超出范围</translation>
    </message>
    <message>
        <source>The order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>A product</source>
        <translation>产品名称</translation>
    </message>
    <message>
        <source>no account matches the customer %1</source>
        <translation>找不到与“%1”相符的客户</translation>
    </message>
    <message>
        <source>order %1 of %2 is already there</source>
        <translation>%2 的订单 %1 已经存在</translation>
    </message>
    <message>
        <source>%1 has no year</source>
        <translation>%1 没有年份</translation>
    </message>
    <message>
        <source>day/month/year</source>
        <translation>日/月/年</translation>
    </message>
    <message>
        <source>month/day/year</source>
        <translation>月/日/年</translation>
    </message>
    <message>
        <source>%1 is not a date</source>
        <translation>%1 不是日期</translation>
    </message>
    <message>
        <source>%1 is not a whole date</source>
        <translation>%1 不是完整的日期</translation>
    </message>
    <message>
        <source>%1 is not a date (this column writes %2)</source>
        <translation>%1 不是日期（这一列的写法是%2）</translation>
    </message>
    <message>
        <source>%1 is not a number</source>
        <translation>%1 不是数字</translation>
    </message>
    <message>
        <source>no name, company, phone or e-mail</source>
        <translation>没有姓名、单位、电话或电子邮件</translation>
    </message>
    <message>
        <source>no customer</source>
        <translation>没有客户</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>customer code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>customer e-mail</source>
        <translation>客户电子邮件</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>total</source>
        <translation>总额</translation>
    </message>
    <message>
        <source>order %1 has %2 %3 on line %4, this row says %5</source>
        <translation>订单 %1 在第 %4 行的%2是 %3，这一行却是 %5</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>已跳过：%1</translation>
    </message>
    <message>
        <source>an event without a start (DTSTART)</source>
        <translation>日程没有开始时间（DTSTART）</translation>
    </message>
    <message>
        <source>only the first of several RRULEs is kept</source>
        <translation>有多条重复规则（RRULE），只保留第一条</translation>
    </message>
    <message>
        <source>an empty RRULE: read as a single event</source>
        <translation>重复规则（RRULE）为空：按单次日程读取</translation>
    </message>
    <message>
        <source>the end lies before the start; the start is kept</source>
        <translation>结束时间早于开始时间；已保留开始时间</translation>
    </message>
    <message>
        <source>no %1</source>
        <translation>缺少 %1</translation>
    </message>
    <message>
        <source>a lead with this e-mail or phone exists</source>
        <translation>已有相同邮箱或电话的线索</translation>
    </message>
    <message>
        <source>this code is on an earlier row</source>
        <translation>此编码已在前面的行中出现</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Contacts (vCard, Google, Outlook, any table)</source>
        <translation>联系人（vCard、Google、Outlook 或任意表格）</translation>
    </message>
    <message>
        <source>Orders / sales history (CSV or Excel)</source>
        <translation>订单 / 销售记录（CSV 或 Excel）</translation>
    </message>
    <message>
        <source>Leads (CSV or Excel)</source>
        <translation>线索（CSV 或 Excel）</translation>
    </message>
    <message>
        <source>Products, the catalogue (CSV or Excel)</source>
        <translation>产品目录（CSV 或 Excel）</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>It holds:</source>
        <translation>文件内容：</translation>
    </message>
    <message>
        <source>Nothing is written until you press Import on the last step; the import then lands whole or not at all.</source>
        <translation>在最后一步点击“导入”之前不会写入任何数据；导入要么全部完成，要么完全不生效。</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>前几个值</translation>
    </message>
    <message>
        <source>Goes into</source>
        <translation>导入到</translation>
    </message>
    <message>
        <source>Choose where each column goes. Columns kept in notes are not lost.</source>
        <translation>为每一列选择导入位置。保留在备注中的列不会丢失。</translation>
    </message>
    <message>
        <source>Import the other rows and skip the rejected ones</source>
        <translation>导入其余行，跳过被拒绝的行</translation>
    </message>
    <message>
        <source>Skip orders whose customer matches no account</source>
        <translation>跳过找不到对应客户的订单</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>从文件导入</translation>
    </message>
    <message>
        <source>A .vcf, .csv, .xlsx or .ics file</source>
        <translation>.vcf、.csv、.xlsx 或 .ics 文件</translation>
    </message>
    <message>
        <source>Calendar events and tasks (iCalendar .ics)</source>
        <translation>日程和任务（iCalendar .ics）</translation>
    </message>
    <message>
        <source>Contacts, tables and calendars (*.vcf *.vcard *.csv *.txt *.xlsx *.ics);;All files (*)</source>
        <translation>联系人、表格和日历 (*.vcf *.vcard *.csv *.txt *.xlsx *.ics);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Stopped. Nothing was imported.</source>
        <translation>已停止，未导入任何数据。</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>被拒绝的行</translation>
    </message>
    <message>
        <source>Left out (the contact form would refuse them; kept in the notes)</source>
        <translation>未导入的值（联系人表单不接受，已保存在备注中）</translation>
    </message>
    <message>
        <source>Possible duplicates (same name only; imported as new, to review)</source>
        <translation>可能重复（仅姓名相同；作为新联系人导入，稍后核查）</translation>
    </message>
    <message>
        <source>&lt;b&gt;1&lt;/b&gt; row</source>
        <translation>共 &lt;b&gt;1&lt;/b&gt; 行</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; rows</source>
        <translation>
            <numerusform>共 &lt;b&gt;%n&lt;/b&gt; 行</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;1&lt;/b&gt; updates an existing contact</source>
        <translation>&lt;b&gt;1&lt;/b&gt; 行更新现有联系人</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; update existing contacts</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; 行更新现有联系人</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;1&lt;/b&gt; duplicate of a contact already here (merged into it)</source>
        <translation>&lt;b&gt;1&lt;/b&gt; 行与现有联系人重复（并入该联系人）</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; duplicates of contacts already here (merged into them)</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; 行与现有联系人重复（并入这些联系人）</numerusform>
        </translation>
    </message>
    <message>
        <source>1 new account.</source>
        <translation>新建 1 个客户。</translation>
    </message>
    <message numerus="yes">
        <source>%n new accounts.</source>
        <translation>
            <numerusform>新建 %n 个客户。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3, %4, %5. %6</source>
        <translation>%1：%2，%3，%4，%5。%6</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; new</source>
        <comment>contacts</comment>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; 行新建</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; rejected</source>
        <comment>rows</comment>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; 行被拒绝</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; orders: &lt;b&gt;%2&lt;/b&gt; new, &lt;b&gt;%3&lt;/b&gt; already here (skipped), &lt;b&gt;%4&lt;/b&gt; whose customer matches no account, &lt;b&gt;%5&lt;/b&gt; rejected. Customers matched by code %6, by name %7, by email %8; %9 new products.</source>
        <translation>共 &lt;b&gt;%1&lt;/b&gt; 个订单：新建 &lt;b&gt;%2&lt;/b&gt;，已存在（跳过）&lt;b&gt;%3&lt;/b&gt;，找不到对应客户 &lt;b&gt;%4&lt;/b&gt;，拒绝 &lt;b&gt;%5&lt;/b&gt;。按编号匹配客户 %6 个，按名称 %7 个，按邮箱 %8 个；新建产品 %9 个。</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Rows that cannot be imported</source>
        <translation>无法导入的行</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; rows: &lt;b&gt;%2&lt;/b&gt; new, &lt;b&gt;%3&lt;/b&gt; updated, &lt;b&gt;%4&lt;/b&gt; already here (skipped), &lt;b&gt;%5&lt;/b&gt; rejected.</source>
        <translation>共 &lt;b&gt;%1&lt;/b&gt; 行：新增 &lt;b&gt;%2&lt;/b&gt;，更新 &lt;b&gt;%3&lt;/b&gt;，已存在 &lt;b&gt;%4&lt;/b&gt;（跳过），拒绝 &lt;b&gt;%5&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Already here</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated, %3 skipped.</source>
        <translation>已导入：新增 %1，更新 %2，跳过 %3。</translation>
    </message>
    <message>
        <source>Imported: %1, %2, %3.</source>
        <translation>已导入：%1，%2，%3。</translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <comment>contacts</comment>
        <translation>
            <numerusform>新建 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <comment>contacts</comment>
        <translation>
            <numerusform>更新 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n merged into existing contacts</source>
        <translation>
            <numerusform>%n 个并入现有联系人</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported 1 order.</source>
        <translation>已导入 1 个订单。</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n orders.</source>
        <translation>
            <numerusform>已导入 %n 个订单。</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
</context>
<context>
    <name>Industry</name>
    <message>
        <source>Manufacturing</source>
        <translation>制造业</translation>
    </message>
    <message>
        <source>Retail</source>
        <translation>零售</translation>
    </message>
    <message>
        <source>IT and software</source>
        <translation>IT 与软件</translation>
    </message>
    <message>
        <source>Healthcare</source>
        <translation>医疗健康</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>金融</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>教育</translation>
    </message>
    <message>
        <source>Logistics</source>
        <translation>物流</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>能源</translation>
    </message>
    <message>
        <source>Construction</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>Agriculture</source>
        <translation>农业</translation>
    </message>
    <message>
        <source>Hospitality</source>
        <translation>酒店餐饮</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>传媒</translation>
    </message>
    <message>
        <source>Telecommunications</source>
        <translation>电信</translation>
    </message>
    <message>
        <source>Public sector</source>
        <translation>公共部门</translation>
    </message>
    <message>
        <source>Professional services</source>
        <translation>专业服务</translation>
    </message>
    <message>
        <source>Other industry</source>
        <translation>其他行业</translation>
    </message>
</context>
<context>
    <name>IndustryCombo</name>
    <message>
        <source>No industry</source>
        <translation>未填写行业</translation>
    </message>
</context>
<context>
    <name>Insights</name>
    <message>
        <source>%1; last contact %2 days ago</source>
        <translation>%1；上次联系在 %2 天前</translation>
    </message>
    <message>
        <source>no purchase yet</source>
        <translation>尚无购买</translation>
    </message>
    <message>
        <source>customer for %1 years; %2 purchases; last %3 days ago; %4 in the last 365 days against %5 the year before</source>
        <translation>成为客户 %1 年；购买 %2 次；最近一次在 %3 天前；近 365 天 %4 次，前一年 %5 次</translation>
    </message>
    <message>
        <source>CLV = Σ(t=1..%1) m × r^(t−1) / (1+d)^t = m × %2  (r = %3 %, d = %4 %)</source>
        <translation>客户终身价值 = Σ(t=1..%1) m × r^(t−1) / (1+d)^t = m × %2（留存率 r = %3 %，折现率 d = %4 %）</translation>
    </message>
    <message>
        <source>Revenue won</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <source>Visits made</source>
        <translation>拜访次数</translation>
    </message>
    <message>
        <source>Calls made</source>
        <translation>电话次数</translation>
    </message>
    <message>
        <source>Cases closed</source>
        <translation>结案数</translation>
    </message>
    <message>
        <source>%1 of %2 met; the %3 missed weigh %4 %</source>
        <translation>%2 项中达成 %1 项；未达成的 %3 项权重占 %4 %</translation>
    </message>
</context>
<context>
    <name>InsightsPane</name>
    <message>
        <source>As of:</source>
        <translation>统计日期：</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <source>Apply value tiers…</source>
        <translation>应用价值等级…</translation>
    </message>
    <message>
        <source>Pareto curve</source>
        <translation>帕累托曲线</translation>
    </message>
    <message>
        <source>RFM segments</source>
        <translation>RFM 客户分群</translation>
    </message>
    <message>
        <source>Loyalty funnel (suggested stages)</source>
        <translation>忠诚度漏斗（建议阶段）</translation>
    </message>
    <message>
        <source>Lifecycle phases (suggested)</source>
        <translation>生命周期阶段（建议）</translation>
    </message>
    <message>
        <source>Projected lifetime value</source>
        <translation>预测终身价值</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近订单</translation>
    </message>
    <message>
        <source>Days silent</source>
        <translation>沉默天数</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Targets met this month (weighted)</source>
        <translation>本月目标达成（加权）</translation>
    </message>
    <message>
        <source>Team: targets met, last 12 months</source>
        <translation>团队：近 12 个月目标达成（加权）</translation>
    </message>
    <message>
        <source>Customer value</source>
        <translation>客户价值</translation>
    </message>
    <message>
        <source>Share of revenue</source>
        <translation>收入占比</translation>
    </message>
    <message>
        <source>RFM: recency × frequency, coloured by monetary</source>
        <translation>RFM：最近购买 × 购买频率，颜色表示消费金额</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>客户分群</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>Customer lifetime value</source>
        <translation>客户终身价值</translation>
    </message>
    <message>
        <source>Churn risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>铂金</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>黄金</translation>
    </message>
    <message>
        <source>Iron</source>
        <translation>铁</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>铅</translation>
    </message>
    <message>
        <source>margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Store scores</source>
        <translation>写入评分</translation>
    </message>
    <message>
        <source>Write the RFM scores onto the accounts, for lists, filters and labels</source>
        <translation>将 RFM 评分写入客户，供列表、筛选和标签使用</translation>
    </message>
    <message>
        <source>Apply stages…</source>
        <translation>应用客户阶段…</translation>
    </message>
    <message>
        <source>Set the suggested loyalty stage and lifecycle phase on the accounts</source>
        <translation>将建议的忠诚度阶段和生命周期阶段写入客户</translation>
    </message>
    <message>
        <source>Monthly targets…</source>
        <translation>月度目标…</translation>
    </message>
    <message>
        <source>Set each owner&apos;s targets and weights for a month</source>
        <translation>设置每位负责人某个月的目标和权重</translation>
    </message>
    <message>
        <source>Share of margin</source>
        <translation>毛利占比</translation>
    </message>
    <message>
        <source>No orders yet</source>
        <translation>尚无订单</translation>
    </message>
    <message>
        <source>No targets are set for this month.</source>
        <translation>本月尚未设定目标。</translation>
    </message>
    <message>
        <source>R%1 F%2: %3 customer(s), revenue %4</source>
        <translation>R%1 F%2：%3 位客户，收入 %4</translation>
    </message>
    <message>
        <source>Value pyramid by margin (customers per tier)</source>
        <translation>按毛利的客户价值金字塔（各层客户数）</translation>
    </message>
    <message>
        <source>Value pyramid by revenue (customers per tier)</source>
        <translation>按收入的客户价值金字塔（各层客户数）</translation>
    </message>
    <message>
        <source>The top 20 % of buyers bring %1 % of the revenue: 80/20 holds.</source>
        <translation>前 20 % 的购买客户贡献了 %1 % 的收入：符合二八法则。</translation>
    </message>
    <message>
        <source>The top 20 % of buyers bring %1 % of the revenue: 80/20 does not hold.</source>
        <translation>前 20 % 的购买客户贡献了 %1 % 的收入：不符合二八法则。</translation>
    </message>
    <message>
        <source>The top 20 % of buyers bring %1 % of the margin: 80/20 holds.</source>
        <translation>前 20 % 的购买客户贡献了 %1 % 的毛利：符合二八法则。</translation>
    </message>
    <message>
        <source>The top 20 % of buyers bring %1 % of the margin: 80/20 does not hold.</source>
        <translation>前 20 % 的购买客户贡献了 %1 % 的毛利：不符合二八法则。</translation>
    </message>
    <message>
        <source>Margin from product costs on %2 of revenue, from the gross margin rate on %3.</source>
        <translation>其中 %2 的收入按产品成本计算毛利，%3 按毛利率估算。</translation>
    </message>
    <message>
        <source>Champions</source>
        <translation>重要价值客户</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>忠诚客户</translation>
    </message>
    <message>
        <source>Potential loyalists</source>
        <translation>潜在忠诚客户</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>流失预警客户</translation>
    </message>
    <message>
        <source>Can&apos;t lose</source>
        <translation>重要挽留客户</translation>
    </message>
    <message>
        <source>Hibernating</source>
        <translation>沉睡客户</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已流失客户</translation>
    </message>
    <message>
        <source>Historical: revenue %1, margin %2 from %3 customer(s); projected %4.</source>
        <translation>历史价值：%3 位客户的收入 %1、毛利 %2；预测 %4。</translation>
    </message>
    <message numerus="yes">
        <source>Scores stored on %n account(s).</source>
        <translation>
            <numerusform>已将评分写入 %n 位客户。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every stage already matches the suggestions.</source>
        <translation>所有客户的阶段已与建议一致。</translation>
    </message>
    <message>
        <source>Apply stages</source>
        <translation>应用客户阶段</translation>
    </message>
    <message numerus="yes">
        <source>Set the suggested loyalty stage and lifecycle phase on %n account(s)?</source>
        <translation>
            <numerusform>要为 %n 位客户设置建议的忠诚度阶段和生命周期阶段吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply stages to %n account(s)</source>
        <translation>
            <numerusform>为 %n 位客户应用阶段</numerusform>
        </translation>
    </message>
    <message>
        <source>Every value tier already matches the pyramid.</source>
        <translation>所有客户的价值等级已与金字塔一致。</translation>
    </message>
    <message>
        <source>Apply value tiers</source>
        <translation>应用价值等级</translation>
    </message>
    <message numerus="yes">
        <source>Set the suggested value tier on %n account(s)?</source>
        <translation>
            <numerusform>要为 %n 位客户设置建议的价值等级吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply value tiers to %n account(s)</source>
        <translation>
            <numerusform>为 %n 个客户设定价值等级</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InsightsSettingsPage</name>
    <message>
        <source>revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Ranks the value pyramid, the Pareto curve and the suggested value tiers. By margin: amount − quantity × cost on order lines whose product has a cost, the gross margin below on the rest.</source>
        <translation>用于客户价值金字塔、帕累托曲线和建议的价值等级的排序。按毛利：产品有成本的订单行按 金额 − 数量 × 成本 计算，其余部分按下方的毛利率计算。</translation>
    </message>
    <message>
        <source>Platinum share of buyers:</source>
        <translation>铂金客户占购买客户比例：</translation>
    </message>
    <message>
        <source>Gold share of buyers:</source>
        <translation>黄金客户占购买客户比例：</translation>
    </message>
    <message>
        <source>Iron share of buyers:</source>
        <translation>铁牌客户占购买客户比例：</translation>
    </message>
    <message>
        <source>Pyramid period (months):</source>
        <translation>金字塔统计期（月）：</translation>
    </message>
    <message>
        <source>Rank customers by:</source>
        <translation>客户排序依据：</translation>
    </message>
    <message>
        <source>Churn risk after the usual interval ×</source>
        <translation>超过平时购买间隔的倍数即视为流失风险 ×</translation>
    </message>
    <message>
        <source>Gross margin:</source>
        <translation>毛利率：</translation>
    </message>
    <message>
        <source>Discount rate a year:</source>
        <translation>年折现率：</translation>
    </message>
    <message>
        <source>CLV horizon (years):</source>
        <translation>终身价值预测年限（年）：</translation>
    </message>
    <message>
        <source>Recompute stored scores after (days):</source>
        <translation>已存评分过期天数（天）：</translation>
    </message>
    <message>
        <source>Target indicator:</source>
        <translation>考核指标：</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>客户洞察</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message>
        <source>Mailing labels</source>
        <translation>邮寄标签</translation>
    </message>
    <message>
        <source>Search sheets: Avery, L7160, 70 x 37 …</source>
        <translation>搜索标签纸：Avery、L7160、70 x 37 …</translation>
    </message>
    <message>
        <source>Draw outlines (for a test print on plain paper)</source>
        <translation>画出边框（用普通纸试打印）</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>邮寄地址</translation>
    </message>
    <message>
        <source>Work address</source>
        <translation>单位地址</translation>
    </message>
    <message>
        <source>Home address</source>
        <translation>家庭地址</translation>
    </message>
    <message>
        <source>Any address</source>
        <translation>任意地址</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Label sheet</source>
        <translation>标签纸</translation>
    </message>
    <message>
        <source>Start at label</source>
        <translation>从第几个标签开始</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n 个标签</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) without an address skipped</source>
        <translation>
            <numerusform>已跳过 %n 位没有地址的联系人</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Save the labels</source>
        <translation>保存标签</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
</context>
<context>
    <name>LeadEditor</name>
    <message>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>新建线索</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Estimated amount</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>LeadStatus</name>
    <message>
        <source>New</source>
        <translation>新线索</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>已联系</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Disqualified</source>
        <translation>不合格</translation>
    </message>
</context>
<context>
    <name>LeadTableModel</name>
    <message>
        <source>Created</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>LeadsView</name>
    <message>
        <source>Search name, company, phone or e-mail</source>
        <translation>搜索姓名、公司、电话或邮箱</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>新建线索</translation>
    </message>
    <message>
        <source>Convert…</source>
        <translation>转化…</translation>
    </message>
    <message>
        <source>Disqualify…</source>
        <translation>判定无效…</translation>
    </message>
    <message>
        <source>Import leads…</source>
        <translation>导入线索…</translation>
    </message>
    <message>
        <source>Every source</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>Every owner</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>The amount does not read.</source>
        <translation>金额无法识别。</translation>
    </message>
    <message>
        <source>Save lead %1</source>
        <translation>保存线索 %1</translation>
    </message>
    <message>
        <source>Convert lead</source>
        <translation>转化线索</translation>
    </message>
    <message>
        <source>Convert lead %1</source>
        <translation>转化线索 %1</translation>
    </message>
    <message>
        <source>Disqualify lead</source>
        <translation>判定线索无效</translation>
    </message>
    <message>
        <source>Why is the lead disqualified?</source>
        <translation>为什么判定此线索无效？</translation>
    </message>
</context>
<context>
    <name>LeftOutReason</name>
    <message>
        <source>Opted out</source>
        <translation>已退订</translation>
    </message>
    <message>
        <source>Nothing to reach them by</source>
        <translation>没有可用的联系方式</translation>
    </message>
    <message>
        <source>No channel of this campaign</source>
        <translation>不在本活动的渠道中</translation>
    </message>
</context>
<context>
    <name>LettersDialog</name>
    <message>
        <source>Letters</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>Other file…</source>
        <translation>其他文件…</translation>
    </message>
    <message>
        <source>Fields…</source>
        <translation>字段…</translation>
    </message>
    <message>
        <source>One document, a page per letter</source>
        <translation>合并为一个文档，每封信一页</translation>
    </message>
    <message>
        <source>One file per contact</source>
        <translation>每位联系人一个文件</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>Any Word document with fields such as {{ contact.salutation }} and {{ address.text }}.</source>
        <translation>任何含有 {{ contact.salutation }}、{{ address.text }} 等字段的 Word 文档。</translation>
    </message>
    <message>
        <source>Letter template</source>
        <translation>信函模板</translation>
    </message>
    <message>
        <source>Choose a letter template (.docx).</source>
        <translation>请选择信函模板（.docx）。</translation>
    </message>
    <message>
        <source>This template cannot be used: %1</source>
        <translation>此模板无法使用：%1</translation>
    </message>
    <message>
        <source>Save the letters in</source>
        <translation>信函保存位置</translation>
    </message>
    <message>
        <source>Save the letters</source>
        <translation>保存信函</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n letter(s).</source>
        <translation>
            <numerusform>已保存 %n 封信函。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>已取消，未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>LifecyclePhase</name>
    <message>
        <source>Acquisition</source>
        <translation>获取期</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>成长期</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保持期</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>衰退期</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>流失</translation>
    </message>
</context>
<context>
    <name>LineItemsTable</name>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Discount %</source>
        <translation>折扣 %</translation>
    </message>
    <message>
        <source>Tax %</source>
        <translation>税率 %</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>税额</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>含税总额</translation>
    </message>
</context>
<context>
    <name>LogActivityCommand</name>
    <message>
        <source>Log %1</source>
        <translation>记录 %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
</context>
<context>
    <name>LoyaltyStage</name>
    <message>
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Regular</source>
        <translation>老客户</translation>
    </message>
    <message>
        <source>Long-standing</source>
        <translation>长期客户</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>忠诚客户</translation>
    </message>
</context>
<context>
    <name>LunarDayEdit</name>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Month %1</source>
        <translation>%1月</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>No lunar birthday</source>
        <translation>无农历生日</translation>
    </message>
    <message>
        <source>A birthday in a leap month is kept as its plain month.</source>
        <translation>闰月生日按同名的平月记。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1（只读）</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>客户服务</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>客户洞察</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Demo data (invented customers)</source>
        <translation>演示数据（虚构客户）</translation>
    </message>
    <message>
        <source>Read-only: open in another window</source>
        <translation>只读：已在另一个窗口中打开</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Mailing &amp;Labels…</source>
        <translation>邮寄标签(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Letters…</source>
        <translation>信函(&amp;L)…</translation>
    </message>
    <message>
        <source>Excel &amp;Report…</source>
        <translation>Excel 报表(&amp;R)…</translation>
    </message>
    <message>
        <source>New &amp;Database…</source>
        <translation>新建数据库(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore a Backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About crmdesk</source>
        <translation>关于 crmdesk(&amp;A)</translation>
    </message>
    <message>
        <source>Find &amp;Duplicates…</source>
        <translation>查找重复(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>历史记录(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>已完成：%1</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>crmdesk databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>crmdesk 数据库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Today&apos;s backup: %1</source>
        <translation>今日备份：%1</translation>
    </message>
    <message numerus="yes">
        <source>Backed up %n contact(s) to %1</source>
        <translation>
            <numerusform>已将 %n 位联系人备份到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>About crmdesk</source>
        <translation>关于 crmdesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;crmdesk&lt;/b&gt; %1&lt;br&gt;Contacts, calendar and pipeline for account managers, on your own computer.</source>
        <translation>&lt;b&gt;crmdesk&lt;/b&gt; %1&lt;br&gt;为客户经理打造的联系人、日历和销售管道，数据保存在您自己的电脑上。</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>crmdesk — %1</source>
        <translation>crmdesk — %1</translation>
    </message>
</context>
<context>
    <name>MemberStatus</name>
    <message>
        <source>Included</source>
        <translation>已纳入</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>已移除</translation>
    </message>
</context>
<context>
    <name>MergeContactsCommand</name>
    <message>
        <source>Merge duplicates of %1</source>
        <translation>合并 %1 的重复记录</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The import was cancelled.</source>
        <translation>导入已取消。</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>没有导入任何内容。</translation>
    </message>
    <message>
        <source>%1 is an old Excel (.xls) workbook.</source>
        <translation>%1 是旧版 Excel（.xls）工作簿。</translation>
    </message>
    <message>
        <source>Save it as .xlsx or CSV in Excel, then import that.</source>
        <translation>请在 Excel 中另存为 .xlsx 或 CSV，再导入。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a device, a pipe or a folder) and cannot be imported.</source>
        <translation>%1 不是普通文件（而是设备、管道或文件夹），无法导入。</translation>
    </message>
    <message>
        <source>Choose a file saved on disk.</source>
        <translation>请选择保存在磁盘上的文件。</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB, more than an import can read.</source>
        <translation>%1 超过 %2 MB，超出导入可读取的大小。</translation>
    </message>
    <message>
        <source>Split it into smaller files and import each.</source>
        <translation>请将其拆分为较小的文件后分别导入。</translation>
    </message>
    <message>
        <source>There is no file at %1.</source>
        <translation>%1 处没有文件。</translation>
    </message>
    <message>
        <source>%1 is a vCard (contacts) file, not a table of orders.</source>
        <translation>%1 是 vCard（联系人）文件，不是订单表。</translation>
    </message>
    <message>
        <source>this row could not be imported</source>
        <translation>这一行无法导入</translation>
    </message>
    <message>
        <source>The database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Nothing was imported (%1 row(s) cannot become contacts). Correct the file, or import without the rejected rows.</source>
        <translation>没有导入任何内容（%1 行无法成为联系人）。请修改文件，或不导入被拒绝的行。</translation>
    </message>
    <message>
        <source>the new accounts could not be created</source>
        <translation>无法创建新的客户</translation>
    </message>
    <message>
        <source>the new tags could not be created</source>
        <translation>无法创建新的标签</translation>
    </message>
    <message>
        <source>the rows from line %1 to %2 could not be saved</source>
        <translation>第 %1 行到第 %2 行无法保存</translation>
    </message>
    <message>
        <source>%1 was changed elsewhere while the file was being imported.</source>
        <translation>导入文件期间，%1 已在别处被修改。</translation>
    </message>
    <message>
        <source>Import the file again.</source>
        <translation>请重新导入该文件。</translation>
    </message>
    <message>
        <source>the merged contacts could not be saved</source>
        <translation>合并后的联系人无法保存</translation>
    </message>
    <message>
        <source>Nothing was imported (%1 row(s) cannot be read as orders).</source>
        <translation>没有导入任何内容（%1 行无法读作订单）。</translation>
    </message>
    <message>
        <source>Nothing was imported (%1 row(s) match no account).</source>
        <translation>没有导入任何内容（%1 行没有相符的客户）。</translation>
    </message>
    <message>
        <source>the new products could not be created</source>
        <translation>无法创建新的产品</translation>
    </message>
    <message>
        <source>the orders from line %1 to %2 could not be saved</source>
        <translation>第 %1 行到第 %2 行的订单无法保存</translation>
    </message>
    <message>
        <source>The column mapping names columns the file doesn&apos;t have: %1.</source>
        <translation>列映射中的这些列在文件中不存在：%1。</translation>
    </message>
    <message>
        <source>The file&apos;s columns: %1.</source>
        <translation>文件中的列：%1。</translation>
    </message>
    <message>
        <source>None of the columns could be read as a name, company, phone or e-mail.</source>
        <translation>没有一列能识别为姓名、单位、电话或电子邮件。</translation>
    </message>
    <message>
        <source>Give a column mapping. The file&apos;s columns: %1.</source>
        <translation>请指定列映射。文件中的列：%1。</translation>
    </message>
    <message>
        <source>No column of the file could be read as the customer.</source>
        <translation>文件中没有能识别为客户的列。</translation>
    </message>
    <message>
        <source>No column of the file could be read as an amount or a product.</source>
        <translation>文件中没有能识别为金额或产品的列。</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>JPEG 图片</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>GIF 图片</translation>
    </message>
    <message>
        <source>a gzip archive</source>
        <translation>gzip 压缩包</translation>
    </message>
    <message>
        <source>a RAR archive</source>
        <translation>RAR 压缩包</translation>
    </message>
    <message>
        <source>a 7-Zip archive</source>
        <translation>7-Zip 压缩包</translation>
    </message>
    <message>
        <source>an SQLite database</source>
        <translation>SQLite 数据库</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 是空文件。</translation>
    </message>
    <message>
        <source>%1 is not a valid Excel workbook (an .xlsx file is a zip archive, this one is not).</source>
        <translation>%1 不是有效的 Excel 工作簿（.xlsx 文件是 zip 压缩包，而这个文件不是）。</translation>
    </message>
    <message>
        <source>Open it in Excel and save it again.</source>
        <translation>请在 Excel 中打开并重新保存。</translation>
    </message>
    <message>
        <source>%1 is %2, not a table (CSV or Excel).</source>
        <translation>%1 是 %2，不是表格（CSV 或 Excel）。</translation>
    </message>
    <message>
        <source>Choose a CSV, TXT or .xlsx file.</source>
        <translation>请选择 CSV、TXT 或 .xlsx 文件。</translation>
    </message>
    <message>
        <source>%1 is empty: there is no header row in it.</source>
        <translation>%1 是空的：其中没有表头行。</translation>
    </message>
    <message>
        <source>%1 has %2 columns; at most %3 can be imported.</source>
        <translation>%1 有 %2 列，最多只能导入 %3 列。</translation>
    </message>
    <message>
        <source>Keep only the columns to import and save it again.</source>
        <translation>请只保留要导入的列，然后重新保存。</translation>
    </message>
    <message>
        <source>%1 cannot be read as CSV (%2); a quote is probably never closed</source>
        <translation>%1 无法按 CSV 读取（%2）；可能有引号没有闭合</translation>
    </message>
    <message>
        <source>%1: a cell holds more than %2 characters.</source>
        <translation>%1：有单元格超过 %2 个字符。</translation>
    </message>
    <message>
        <source>%1 starts with a %2 byte-order mark but is not all %2.</source>
        <translation>%1 以 %2 字节顺序标记开头，但内容并非全是 %2。</translation>
    </message>
    <message>
        <source>%1 is not a text table (CSV): it holds binary data.</source>
        <translation>%1 不是文本表格（CSV）：其中含有二进制数据。</translation>
    </message>
    <message>
        <source>Export the data as CSV or Excel (.xlsx) and import that.</source>
        <translation>请把数据导出为 CSV 或 Excel（.xlsx）后再导入。</translation>
    </message>
    <message>
        <source>%1: a quoted field starting in this row is never closed.</source>
        <translation>%1：从这一行开始的带引号字段没有闭合。</translation>
    </message>
    <message>
        <source>%1 is not a readable Excel workbook (.xlsx): %2</source>
        <translation>%1 不是可读取的 Excel 工作簿（.xlsx）：%2</translation>
    </message>
    <message>
        <source>Open it in Excel and save it again as .xlsx.</source>
        <translation>请在 Excel 中打开并重新另存为 .xlsx。</translation>
    </message>
    <message>
        <source>%1 has no sheet %2.</source>
        <translation>%1 中没有工作表 %2。</translation>
    </message>
    <message>
        <source>Its sheets: %1.</source>
        <translation>其中的工作表：%1。</translation>
    </message>
    <message>
        <source>%1 has no worksheet.</source>
        <translation>%1 中没有工作表。</translation>
    </message>
    <message>
        <source>Sheet %1 of %2 is a chart, not a table.</source>
        <translation>%2 的工作表 %1 是图表，不是表格。</translation>
    </message>
    <message>
        <source>%1 is a damaged Excel workbook: %2</source>
        <translation>%1 是已损坏的 Excel 工作簿：%2</translation>
    </message>
    <message>
        <source>the file is empty, there is no vCard in it</source>
        <translation>文件是空的，其中没有 vCard</translation>
    </message>
    <message>
        <source>this card has no END:VCARD before the next card</source>
        <translation>这张名片在下一张名片之前没有 END:VCARD</translation>
    </message>
    <message>
        <source>this card has no END:VCARD; the file is cut short</source>
        <translation>这张名片没有 END:VCARD；文件不完整</translation>
    </message>
    <message>
        <source>this is not a vCard file: no BEGIN:VCARD in it</source>
        <translation>这不是 vCard 文件：其中没有 BEGIN:VCARD</translation>
    </message>
    <message>
        <source>This database is open read-only.</source>
        <translation>此数据库以只读方式打开。</translation>
    </message>
    <message>
        <source>Another crmdesk window has it open; make changes there.</source>
        <translation>另一个 crmdesk 窗口已打开它；请在那里修改。</translation>
    </message>
    <message>
        <source>%1 is not a crmdesk database.</source>
        <translation>%1 不是 crmdesk 数据库。</translation>
    </message>
    <message>
        <source>Choose a crmdesk database file or a new file name.</source>
        <translation>请选择一个 crmdesk 数据库文件，或输入新的文件名。</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of crmdesk.</source>
        <translation>%1 由更新版本的 crmdesk 写入。</translation>
    </message>
    <message>
        <source>Update crmdesk to open it; the file was left untouched.</source>
        <translation>请升级 crmdesk 后再打开；文件未被改动。</translation>
    </message>
    <message>
        <source>%1 is not a kind of database crmdesk can open.</source>
        <translation>crmdesk 无法打开 %1 这类数据库。</translation>
    </message>
    <message>
        <source>Give the path of a database file, or a sqlite:///PATH URL.</source>
        <translation>请提供数据库文件的路径，或 sqlite:///路径 形式的 URL。</translation>
    </message>
    <message>
        <source>No driver for %1 databases is installed (%2).</source>
        <translation>未安装 %1 数据库的驱动（%2）。</translation>
    </message>
    <message>
        <source>Install the driver with pip, or give the path of a database file.</source>
        <translation>请用 pip 安装驱动，或提供数据库文件的路径。</translation>
    </message>
    <message>
        <source>Give the path of a crmdesk database file (for example crmdesk.sqlite3).</source>
        <translation>请提供 crmdesk 数据库文件的路径（例如 crmdesk.sqlite3）。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>Give a file inside it, for example %1.</source>
        <translation>请指定其中的一个文件，例如 %1。</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 不是普通文件。</translation>
    </message>
    <message>
        <source>To make it a new crmdesk database, open it again with --create.</source>
        <translation>如要把它作为新的 crmdesk 数据库，请加上 --create 重新打开。</translation>
    </message>
    <message>
        <source>%1 is an empty file (0 bytes).</source>
        <translation>%1 是空文件（0 字节）。</translation>
    </message>
    <message>
        <source>%1 is not a crmdesk database (not an SQLite file).</source>
        <translation>%1 不是 crmdesk 数据库（不是 SQLite 文件）。</translation>
    </message>
    <message>
        <source>%1 is an empty SQLite database not made by crmdesk.</source>
        <translation>%1 是一个并非由 crmdesk 创建的空 SQLite 数据库。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>No account with id %1.</source>
        <translation>没有 ID 为 %1 的客户。</translation>
    </message>
    <message>
        <source>%1 was changed elsewhere since you opened it.</source>
        <translation>自你打开以来，%1 已在别处被修改。</translation>
    </message>
    <message>
        <source>Reload it and make your change again.</source>
        <translation>请重新载入后再修改一次。</translation>
    </message>
    <message>
        <source>No contact with id %1.</source>
        <translation>没有 ID 为 %1 的联系人。</translation>
    </message>
    <message>
        <source>Creating the demo data was cancelled; nothing was saved.</source>
        <translation>已取消创建演示数据；没有保存任何内容。</translation>
    </message>
    <message>
        <source>Choose at least one other contact to merge.</source>
        <translation>请至少再选择一个要合并的联系人。</translation>
    </message>
    <message>
        <source>A contact cannot be merged into itself.</source>
        <translation>联系人不能与自身合并。</translation>
    </message>
    <message>
        <source>No contact with id %1 (it may have been deleted).</source>
        <translation>没有编号为 %1 的联系人（可能已被删除）。</translation>
    </message>
    <message>
        <source>Choose at least one other account to merge.</source>
        <translation>请至少再选择一个要合并的客户。</translation>
    </message>
    <message>
        <source>An account cannot be merged into itself.</source>
        <translation>客户不能与自身合并。</translation>
    </message>
    <message>
        <source>No account with id %1 (it may have been deleted).</source>
        <translation>没有编号为 %1 的客户（可能已被删除）。</translation>
    </message>
    <message>
        <source>That change is not a merge.</source>
        <translation>这项更改不是合并。</translation>
    </message>
    <message>
        <source>Choose a merge in the history.</source>
        <translation>请在历史记录中选择一次合并。</translation>
    </message>
    <message>
        <source>That merge has already been taken back.</source>
        <translation>这次合并已经拆分过了。</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>That change has already been taken back.</source>
        <translation>该更改已经撤销过了。</translation>
    </message>
    <message>
        <source>The history shows what undid it.</source>
        <translation>可在历史记录中查看撤销它的操作。</translation>
    </message>
    <message>
        <source>There is no report called %1.</source>
        <translation>没有名为 %1 的报表。</translation>
    </message>
    <message>
        <source>Reports: %1.</source>
        <translation>可用的报表：%1。</translation>
    </message>
    <message>
        <source>%1 is not an amount.</source>
        <translation>%1 不是金额。</translation>
    </message>
    <message>
        <source>A negative amount (%1) cannot be written in words.</source>
        <translation>负数金额（%1）不能写成大写。</translation>
    </message>
    <message>
        <source>Write a credit note for the amount instead.</source>
        <translation>请改为开具红字凭证（贷项通知单）。</translation>
    </message>
    <message>
        <source>%1 is too large to write in words.</source>
        <translation>%1 太大，无法写成大写。</translation>
    </message>
    <message>
        <source>Amounts below one trillion can be written.</source>
        <translation>只能书写一万亿以下的金额。</translation>
    </message>
    <message>
        <source>%1 has fractions of a cent.</source>
        <translation>%1 的金额小于一分。</translation>
    </message>
    <message>
        <source>Round the amount to two decimal places first.</source>
        <translation>请先将金额四舍五入到两位小数。</translation>
    </message>
    <message>
        <source>No words are known for the currency %1.</source>
        <translation>不知道货币 %1 的英文写法。</translation>
    </message>
    <message>
        <source>Known currencies: %1.</source>
        <translation>已知的货币：%1。</translation>
    </message>
    <message>
        <source>%1 is not a gLabels template file: %2.</source>
        <translation>%1 不是 gLabels 模板文件：%2。</translation>
    </message>
    <message>
        <source>%1: the sheet %2 has a bad length (%3).</source>
        <translation>%1：标签纸 %2 的尺寸有误（%3）。</translation>
    </message>
    <message>
        <source>The label sheet %1 cannot be used: %2.</source>
        <translation>无法使用标签纸 %1：%2。</translation>
    </message>
    <message>
        <source>Check its page size, label size and layout.</source>
        <translation>请检查它的纸张尺寸、标签尺寸和排列。</translation>
    </message>
    <message>
        <source>%1 describes no label sheet.</source>
        <translation>%1 中没有任何标签纸。</translation>
    </message>
    <message>
        <source>Several label sheets are called %1: %2.</source>
        <translation>有多种标签纸都叫 %1：%2。</translation>
    </message>
    <message>
        <source>Give the brand as well, e.g. &quot;%1&quot;.</source>
        <translation>请同时写上品牌，例如“%1”。</translation>
    </message>
    <message>
        <source>No label sheet is called %1.</source>
        <translation>没有名为 %1 的标签纸。</translation>
    </message>
    <message>
        <source>List the sheets with: crmdesk labels stocks --search %1</source>
        <translation>可用此命令列出标签纸：crmdesk labels stocks --search %1</translation>
    </message>
    <message>
        <source>The report was cancelled.</source>
        <translation>报表已取消。</translation>
    </message>
    <message>
        <source>No file was written.</source>
        <translation>没有写入任何文件。</translation>
    </message>
    <message>
        <source>%1 is not an envelope size.</source>
        <translation>%1 不是信封尺寸。</translation>
    </message>
    <message>
        <source>Sizes: %1.</source>
        <translation>可用的尺寸：%1。</translation>
    </message>
    <message>
        <source>Making the labels was cancelled.</source>
        <translation>已取消制作标签。</translation>
    </message>
    <message>
        <source>The start position must be between 1 and %1.</source>
        <translation>起始位置必须在 1 到 %1 之间。</translation>
    </message>
    <message>
        <source>No order with id %1.</source>
        <translation>没有编号为 %1 的订单。</translation>
    </message>
    <message>
        <source>No opportunity with id %1.</source>
        <translation>没有编号为 %1 的商机。</translation>
    </message>
    <message>
        <source>No calendar entry with id %1.</source>
        <translation>没有编号为 %1 的日程。</translation>
    </message>
    <message>
        <source>This activity was changed elsewhere since you opened it.</source>
        <translation>打开此活动后，它已在别处被修改。</translation>
    </message>
    <message>
        <source>No activity with id %1.</source>
        <translation>没有编号为 %1 的活动。</translation>
    </message>
    <message>
        <source>This is not an iCalendar file (no BEGIN:VCALENDAR).</source>
        <translation>这不是 iCalendar 文件（没有 BEGIN:VCALENDAR）。</translation>
    </message>
    <message>
        <source>The calendar cannot be read: %1</source>
        <translation>无法读取该日历：%1</translation>
    </message>
    <message>
        <source>The calendar&apos;s time zone (X-WR-TIMEZONE) is unknown, times are read as written: %1</source>
        <translation>日历的时区（X-WR-TIMEZONE）无法识别，时间按原样读取：%1</translation>
    </message>
    <message>
        <source>That event no longer exists.</source>
        <translation>该日程已不存在。</translation>
    </message>
    <message>
        <source>No such opportunity.</source>
        <translation>找不到该商机。</translation>
    </message>
    <message>
        <source>The opportunity has no line items to quote.</source>
        <translation>该商机没有可报价的产品明细。</translation>
    </message>
    <message>
        <source>A quote cannot expire before it is issued.</source>
        <translation>报价单的有效期不能早于报价日期。</translation>
    </message>
    <message>
        <source>No such quote.</source>
        <translation>找不到该报价单。</translation>
    </message>
    <message>
        <source>A quote cannot go from %1 to %2.</source>
        <translation>报价单不能从 %1 改为 %2。</translation>
    </message>
    <message>
        <source>Only a draft quote can be changed; make a new revision.</source>
        <translation>只有草稿报价单可以修改；请新建一个版本。</translation>
    </message>
    <message>
        <source>A lead needs a person&apos;s name or a company.</source>
        <translation>线索需要填写联系人姓名或公司名称。</translation>
    </message>
    <message>
        <source>No such lead.</source>
        <translation>找不到该线索。</translation>
    </message>
    <message>
        <source>A lead cannot go from %1 to %2.</source>
        <translation>线索不能从“%1”变为“%2”。</translation>
    </message>
    <message>
        <source>Say why the lead is disqualified.</source>
        <translation>请说明线索不合格的原因。</translation>
    </message>
    <message>
        <source>This lead has been converted; change its opportunity instead.</source>
        <translation>该线索已转化，请修改它对应的商机。</translation>
    </message>
    <message>
        <source>This lead has already been converted.</source>
        <translation>该线索已经转化过了。</translation>
    </message>
    <message>
        <source>A disqualified lead cannot be converted; reopen it first.</source>
        <translation>不合格的线索不能转化，请先重新打开。</translation>
    </message>
    <message>
        <source>A probability is between 0 and 100 %, not %1.</source>
        <translation>概率应在 0 到 100% 之间，而不是 %1。</translation>
    </message>
    <message>
        <source>A stage needs a name.</source>
        <translation>阶段需要名称。</translation>
    </message>
    <message>
        <source>A stage cannot be both won and lost.</source>
        <translation>一个阶段不能同时是赢单和输单。</translation>
    </message>
    <message>
        <source>The new order must name every stage once.</source>
        <translation>新的顺序必须包含每个阶段且只出现一次。</translation>
    </message>
    <message>
        <source>%1 opportunities are in this stage; move them first.</source>
        <translation>此阶段中还有 %1 个商机，请先把它们移走。</translation>
    </message>
    <message>
        <source>No such stage.</source>
        <translation>找不到该阶段。</translation>
    </message>
    <message>
        <source>An opportunity needs a name.</source>
        <translation>商机需要名称。</translation>
    </message>
    <message>
        <source>Someone else changed this opportunity; reopen it to see theirs.</source>
        <translation>其他人修改了这个商机，请重新打开查看最新内容。</translation>
    </message>
    <message>
        <source>Say why the deal was won or lost.</source>
        <translation>请说明赢单或输单的原因。</translation>
    </message>
    <message>
        <source>There is no won or lost stage; add one in the stage settings.</source>
        <translation>没有赢单或输单阶段，请在阶段设置中添加。</translation>
    </message>
    <message>
        <source>An order needs an account; give the opportunity one first.</source>
        <translation>订单需要客户，请先为商机指定客户。</translation>
    </message>
    <message>
        <source>%1 is not a month (YYYY-MM).</source>
        <translation>%1 不是月份（YYYY-MM）。</translation>
    </message>
    <message>
        <source>%1 is not an indicator.</source>
        <translation>%1 不是考核指标。</translation>
    </message>
    <message>
        <source>A target and its weight are numbers.</source>
        <translation>目标值和权重必须是数字。</translation>
    </message>
    <message>
        <source>A target and its weight cannot be negative.</source>
        <translation>目标值和权重不能为负数。</translation>
    </message>
    <message>
        <source>There is no template called %1.</source>
        <translation>没有名为 %1 的模板。</translation>
    </message>
    <message>
        <source>Templates: %1.</source>
        <translation>可用模板：%1。</translation>
    </message>
    <message>
        <source>Unknown document kind %1.</source>
        <translation>未知的文档类型 %1。</translation>
    </message>
    <message>
        <source>%1 is neither a .docx nor a .pdf file name.</source>
        <translation>%1 既不是 .docx 也不是 .pdf 文件名。</translation>
    </message>
    <message>
        <source>No opportunity is selected.</source>
        <translation>未选择商机。</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>No contact is selected for the letters.</source>
        <translation>没有为信函选择联系人。</translation>
    </message>
    <message>
        <source>LibreOffice is not installed, so no PDF can be made.</source>
        <translation>未安装 LibreOffice，无法生成 PDF。</translation>
    </message>
    <message>
        <source>Save the document as .docx, or install LibreOffice.</source>
        <translation>请保存为 .docx，或安装 LibreOffice。</translation>
    </message>
    <message>
        <source>LibreOffice could not convert the document: %1.</source>
        <translation>LibreOffice 无法转换该文档：%1。</translation>
    </message>
    <message>
        <source>The template %1 has %2 problem(s); the first: %3.</source>
        <translation>模板 %1 有 %2 处问题，第一处：%3。</translation>
    </message>
    <message>
        <source>Nothing was written. Correct the template in Word.</source>
        <translation>未写入任何文件。请在 Word 中修改模板。</translation>
    </message>
    <message>
        <source>%1 is not a Word (.docx) document.</source>
        <translation>%1 不是 Word（.docx）文档。</translation>
    </message>
    <message>
        <source>Save the template as .docx in Word or LibreOffice.</source>
        <translation>请在 Word 或 LibreOffice 中将模板另存为 .docx。</translation>
    </message>
    <message>
        <source>No column of the file could be read as %1.</source>
        <translation>文件中没有可识别为 %1 的列。</translation>
    </message>
    <message>
        <source>A product needs a code.</source>
        <translation>产品需要编码。</translation>
    </message>
    <message>
        <source>A product needs a name.</source>
        <translation>产品需要名称。</translation>
    </message>
    <message>
        <source>A product category has at most %1 characters.</source>
        <translation>产品类别最多 %1 个字符。</translation>
    </message>
    <message>
        <source>A price or cost cannot be negative.</source>
        <translation>单价或成本不能为负数。</translation>
    </message>
    <message>
        <source>A tax rate is between 0 and 100 %, not %1.</source>
        <translation>税率应在 0 到 100 % 之间，而不是 %1。</translation>
    </message>
    <message>
        <source>Another product has the code %1.</source>
        <translation>已有其他产品使用编码 %1。</translation>
    </message>
    <message>
        <source>No such product.</source>
        <translation>没有这个产品。</translation>
    </message>
    <message>
        <source>A follow-up needs a title.</source>
        <translation>跟进需要标题。</translation>
    </message>
    <message>
        <source>Nothing was imported (%1 row(s) cannot be read).</source>
        <translation>未导入任何内容（有 %1 行无法读取）。</translation>
    </message>
    <message>
        <source>A vCard holds contacts, not a table.</source>
        <translation>vCard 文件保存的是联系人，而不是表格。</translation>
    </message>
    <message>
        <source>Only a database file can be backed up here.</source>
        <translation>这里只能备份数据库文件。</translation>
    </message>
    <message>
        <source>Back up a server database with its own tools.</source>
        <translation>服务器数据库请用其自带的工具备份。</translation>
    </message>
    <message>
        <source>The backup folder must be a full path: %1.</source>
        <translation>备份文件夹必须是完整路径：%1。</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 是文件，不是文件夹。</translation>
    </message>
    <message>
        <source>Keep between 0 and %1 backups of each kind.</source>
        <translation>每种备份保留 0 到 %1 个。</translation>
    </message>
    <message>
        <source>%1: the database failed (%2).</source>
        <translation>%1：数据库出错（%2）。</translation>
    </message>
    <message>
        <source>Run crmdesk check on it.</source>
        <translation>请对它运行 crmdesk check。</translation>
    </message>
    <message>
        <source>Only a database file can be checked or restored.</source>
        <translation>只能检查或恢复数据库文件。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>%1, process %2</source>
        <translation>%1，进程 %2</translation>
    </message>
    <message>
        <source>Another crmdesk is writing into this file; waiting…</source>
        <translation>另一个 crmdesk 正在写入此文件；正在等待…</translation>
    </message>
    <message>
        <source>Another crmdesk (%1) is importing or writing into this file; waiting…</source>
        <translation>另一个 crmdesk（%1）正在向此文件导入或写入；正在等待…</translation>
    </message>
    <message>
        <source>another crmdesk</source>
        <translation>另一个 crmdesk</translation>
    </message>
    <message>
        <source>%1 is busy: %2 is writing into it.</source>
        <translation>%1 正忙：%2 正在写入。</translation>
    </message>
    <message>
        <source>Try again when it has finished; nothing was changed.</source>
        <translation>请在它完成后重试；未做任何更改。</translation>
    </message>
    <message>
        <source>The backup to %1 failed: %2.</source>
        <translation>备份到 %1 失败：%2。</translation>
    </message>
    <message>
        <source>Check that the folder exists and has room; nothing was left there.</source>
        <translation>请检查该文件夹是否存在且空间充足；那里没有留下任何文件。</translation>
    </message>
    <message>
        <source>%1 is not a whole crmdesk database.</source>
        <translation>%1 不是完整的 crmdesk 数据库。</translation>
    </message>
    <message>
        <source>Choose another backup.</source>
        <translation>请选择其他备份。</translation>
    </message>
    <message>
        <source>%1 is damaged: the database file is corrupt.</source>
        <translation>%1 已损坏：数据库文件有错误。</translation>
    </message>
    <message>
        <source>Nothing was written to it. Restore a backup (crmdesk backup list) or salvage what can be read (crmdesk check --salvage NEW_FILE).</source>
        <translation>没有向它写入任何内容。请恢复备份（crmdesk backup list），或抢救可读取的内容（crmdesk check --salvage 新文件）。</translation>
    </message>
    <message>
        <source>%1 is locked by another program that is writing to it.</source>
        <translation>%1 被另一个正在写入的程序锁定。</translation>
    </message>
    <message>
        <source>%1 already exists.</source>
        <translation>%1 已存在。</translation>
    </message>
    <message>
        <source>Give the name of a new file.</source>
        <translation>请提供一个新文件的名称。</translation>
    </message>
    <message>
        <source>Encryption needs SQLCipher, which is not installed.</source>
        <translation>加密需要 SQLCipher，但尚未安装。</translation>
    </message>
    <message>
        <source>Install crmdesk with its encryption extra (sqlcipher3).</source>
        <translation>请安装带加密组件（sqlcipher3）的 crmdesk。</translation>
    </message>
    <message>
        <source>%1 is encrypted.</source>
        <translation>%1 已加密。</translation>
    </message>
    <message>
        <source>Give its passphrase: crmdesk asks in a terminal, or reads it with --passphrase-stdin.</source>
        <translation>请提供其密码短语：crmdesk 会在终端中询问，或用 --passphrase-stdin 读取。</translation>
    </message>
    <message>
        <source>The passphrase is empty.</source>
        <translation>密码短语为空。</translation>
    </message>
    <message>
        <source>%1 cannot be opened with this passphrase.</source>
        <translation>无法用此密码短语打开 %1。</translation>
    </message>
    <message>
        <source>%1 already exists; choose a new file name.</source>
        <translation>%1 已存在，请换一个文件名。</translation>
    </message>
    <message>
        <source>The converted copy failed its check.</source>
        <translation>转换后的副本未通过检查。</translation>
    </message>
    <message>
        <source>The demo holds at most %1 contacts.</source>
        <translation>演示数据最多包含 %1 位联系人。</translation>
    </message>
    <message>
        <source>Give a smaller size.</source>
        <translation>请给出更小的数量。</translation>
    </message>
    <message>
        <source>No call list named %1.</source>
        <translation>没有名为 %1 的呼叫清单。</translation>
    </message>
    <message>
        <source>A call list needs a name.</source>
        <translation>呼叫清单需要名称。</translation>
    </message>
    <message>
        <source>A call list is made from a segment or a campaign.</source>
        <translation>呼叫清单需基于一个客户细分或一个营销活动。</translation>
    </message>
    <message>
        <source>Tries are 1 to 20 and the delay cannot be negative.</source>
        <translation>拨打次数为 1 到 20 次，间隔不能为负数。</translation>
    </message>
    <message>
        <source>There is already a call list named %1.</source>
        <translation>已有名为 %1 的呼叫清单。</translation>
    </message>
    <message>
        <source>That call list entry no longer exists.</source>
        <translation>该呼叫条目已不存在。</translation>
    </message>
    <message>
        <source>Say when to call back.</source>
        <translation>请填写回电时间。</translation>
    </message>
    <message>
        <source>That campaign no longer exists.</source>
        <translation>该营销活动已不存在。</translation>
    </message>
    <message>
        <source>That campaign member no longer exists.</source>
        <translation>该活动成员已不存在。</translation>
    </message>
    <message>
        <source>No campaign named %1.</source>
        <translation>没有名为 %1 的营销活动。</translation>
    </message>
    <message>
        <source>A campaign needs a name.</source>
        <translation>营销活动需要名称。</translation>
    </message>
    <message>
        <source>A campaign needs at least one channel.</source>
        <translation>营销活动至少需要一个渠道。</translation>
    </message>
    <message>
        <source>The budget and attribution window cannot be negative.</source>
        <translation>预算和归因期不能为负数。</translation>
    </message>
    <message>
        <source>The campaign ends before it starts.</source>
        <translation>活动结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>There is already a campaign named %1.</source>
        <translation>已有名为 %1 的营销活动。</translation>
    </message>
    <message>
        <source>A started campaign keeps its segment and channels.</source>
        <translation>已启动的营销活动不能更改客户细分和渠道。</translation>
    </message>
    <message>
        <source>The campaign %1 has already started.</source>
        <translation>营销活动 %1 已经启动。</translation>
    </message>
    <message>
        <source>Choose a segment before starting the campaign.</source>
        <translation>启动营销活动前请先选择客户细分。</translation>
    </message>
    <message>
        <source>No outgoing mail server is set.</source>
        <translation>尚未设置发件服务器。</translation>
    </message>
    <message>
        <source>Set one in Tools &gt; Settings &gt; E-mail, or CRMDESK_SMTP_HOST.</source>
        <translation>请在“工具 &gt; 设置 &gt; 电子邮件”中设置，或设置 CRMDESK_SMTP_HOST。</translation>
    </message>
    <message>
        <source>CRMDESK_SMTP_PORT is not a port number: %1.</source>
        <translation>CRMDESK_SMTP_PORT 不是有效端口号：%1。</translation>
    </message>
    <message>
        <source>Unknown connection security: %1.</source>
        <translation>未知的加密方式：%1。</translation>
    </message>
    <message>
        <source>%1 is not a port number.</source>
        <translation>%1 不是有效端口号。</translation>
    </message>
    <message>
        <source>The system keyring cannot be read: %1.</source>
        <translation>无法读取系统密钥环：%1。</translation>
    </message>
    <message>
        <source>The system keyring cannot store it: %1.</source>
        <translation>系统密钥环无法保存：%1。</translation>
    </message>
    <message>
        <source>The case was not found; it may have been deleted.</source>
        <translation>找不到该工单，可能已被删除。</translation>
    </message>
    <message>
        <source>Case %1 is not closed; its survey is sent once it is.</source>
        <translation>工单 %1 尚未关闭；关闭后才会发送满意度调查。</translation>
    </message>
    <message>
        <source>The survey of case %1 was sent already: %2</source>
        <translation>工单 %1 的满意度调查已经发送过：%2</translation>
    </message>
    <message>
        <source>Case %1 has no contact to ask for a survey.</source>
        <translation>工单 %1 没有可以请其填写调查的联系人。</translation>
    </message>
    <message>
        <source>The survey e-mail to %1 could not be queued.</source>
        <translation>发给 %1 的调查邮件无法放入发件箱。</translation>
    </message>
    <message>
        <source>The survey e-mail needs a subject and a text in both languages.</source>
        <translation>调查邮件的中英文两个版本都需要主题和正文。</translation>
    </message>
    <message>
        <source>Unknown choice for the survey: %1.</source>
        <translation>未知的调查发送选项：%1。</translation>
    </message>
    <message>
        <source>Unknown field in the message: %1.</source>
        <translation>邮件中有未知字段：%1。</translation>
    </message>
    <message>
        <source>A segment&apos;s criteria are not a criteria tree.</source>
        <translation>客户细分的条件格式不正确。</translation>
    </message>
    <message>
        <source>This segment was saved by a newer crmdesk (version %1).</source>
        <translation>此客户细分由较新版本的 crmdesk 保存（版本 %1）。</translation>
    </message>
    <message>
        <source>Unknown way to combine criteria: %1.</source>
        <translation>未知的条件组合方式：%1。</translation>
    </message>
    <message>
        <source>%1 needs a number of days.</source>
        <translation>%1 需要填写天数。</translation>
    </message>
    <message>
        <source>Unknown segment criterion: %1.</source>
        <translation>未知的细分条件：%1。</translation>
    </message>
    <message>
        <source>%1 is not a value of %2.</source>
        <translation>%1 不是 %2 的有效取值。</translation>
    </message>
    <message>
        <source>No segment named %1.</source>
        <translation>没有名为 %1 的客户细分。</translation>
    </message>
    <message>
        <source>A segment needs a name.</source>
        <translation>客户细分需要名称。</translation>
    </message>
    <message>
        <source>There is already a segment named %1.</source>
        <translation>已有名为 %1 的客户细分。</translation>
    </message>
    <message>
        <source>The criteria are not JSON: %1.</source>
        <translation>条件不是有效的 JSON：%1。</translation>
    </message>
    <message>
        <source>The e-mails of this step have gone out already.</source>
        <translation>这一步的邮件已经发出。</translation>
    </message>
    <message>
        <source>Sent mail cannot be taken back.</source>
        <translation>已发出的邮件无法撤回。</translation>
    </message>
    <message>
        <source>A survey template needs a name.</source>
        <translation>调查模板需要一个名称。</translation>
    </message>
    <message>
        <source>A survey is scored on 1-5 or on 1-10.</source>
        <translation>调查按 1–5 分或 1–10 分打分。</translation>
    </message>
    <message>
        <source>A survey template needs at least one item.</source>
        <translation>调查模板至少需要一个项目。</translation>
    </message>
    <message>
        <source>An item&apos;s weight must be more than 0.</source>
        <translation>项目的权重必须大于 0。</translation>
    </message>
    <message>
        <source>The item %1 is in the template twice.</source>
        <translation>项目“%1”在模板中出现了两次。</translation>
    </message>
    <message>
        <source>%1 cannot be removed: %2 recorded survey(s) answer it. Rename it instead.</source>
        <translation>无法删除“%1”：已有 %2 份调查回答了该项目。可以改为重命名。</translation>
    </message>
    <message>
        <source>The survey template was not found.</source>
        <translation>找不到该调查模板。</translation>
    </message>
    <message>
        <source>%1 is not INDICATOR=TARGET[:WEIGHT].</source>
        <translation>%1 不是 指标=目标值[:权重] 的格式。</translation>
    </message>
    <message>
        <source>Say whose targets they are (--owner).</source>
        <translation>请指明这些目标属于谁（--owner）。</translation>
    </message>
</context>
<context>
    <name>MonthGrid</name>
    <message>
        <source>working day</source>
        <translation>上班</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>还有 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpportunityEditor</name>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>New opportunity</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Override the stage&apos;s probability</source>
        <translation>不使用阶段的默认概率</translation>
    </message>
    <message>
        <source>Schedule follow-up…</source>
        <translation>安排跟进…</translation>
    </message>
    <message>
        <source>Amount is the lines&apos; net total</source>
        <translation>金额取明细净额合计</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>赢单概率</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>添加明细</translation>
    </message>
    <message>
        <source>Add product</source>
        <translation>添加产品</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除明细</translation>
    </message>
    <message>
        <source>Generate contract…</source>
        <translation>生成合同…</translation>
    </message>
    <message>
        <source>Generate quote…</source>
        <translation>生成报价单…</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Line items</source>
        <translation>产品明细</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Activities and events</source>
        <translation>活动与日程</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Overridden; the stage&apos;s default is %1</source>
        <translation>已手动设置；阶段默认值为 %1</translation>
    </message>
    <message>
        <source>The stage&apos;s default</source>
        <translation>阶段默认值</translation>
    </message>
    <message>
        <source>Follow up: %1</source>
        <translation>跟进：%1</translation>
    </message>
    <message>
        <source>Schedule follow-up %1</source>
        <translation>安排跟进 %1</translation>
    </message>
    <message>
        <source>Net %1 · tax %2 · gross %3</source>
        <translation>净额 %1 · 税额 %2 · 含税 %3</translation>
    </message>
</context>
<context>
    <name>OpportunityTableModel</name>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Close date</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>无日期</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <source>Open</source>
        <translation>待付款</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退货</translation>
    </message>
</context>
<context>
    <name>OutboxStatus</name>
    <message>
        <source>Queued</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>发送失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Server reply</source>
        <translation>服务器回复</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>立即发送</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Cancel sending</source>
        <translation>取消发送</translation>
    </message>
    <message>
        <source>The mail server cannot be reached (%1); the messages stay in the outbox.</source>
        <translation>无法连接邮件服务器（%1），邮件将保留在发件箱中。</translation>
    </message>
    <message>
        <source>Sent: %1, failed: %2, waiting: %3.</source>
        <translation>已发送 %1，失败 %2，等待 %3。</translation>
    </message>
</context>
<context>
    <name>PhoneKind</name>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>住宅</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <source>Pager</source>
        <translation>寻呼机</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>PhoneRow</name>
    <message>
        <source>Phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>Remove this phone</source>
        <translation>删除此电话</translation>
    </message>
</context>
<context>
    <name>PhotoEditor</name>
    <message>
        <source>Load…</source>
        <translation>载入…</translation>
    </message>
    <message>
        <source>Choose a photo from a file</source>
        <translation>从文件选择照片</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Remove the photo</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <source>This file is not a picture crmdesk can read.</source>
        <translation>crmdesk 无法读取此图片文件。</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</translation>
    </message>
    <message>
        <source>The photo cannot be shown.</source>
        <translation>无法显示照片。</translation>
    </message>
</context>
<context>
    <name>PipelinePane</name>
    <message>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康度</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Search name or account</source>
        <translation>搜索名称或客户</translation>
    </message>
    <message>
        <source>Any close date</source>
        <translation>任意成交日期</translation>
    </message>
    <message>
        <source>Past close date</source>
        <translation>已过成交日期</translation>
    </message>
    <message>
        <source>Closing this month</source>
        <translation>本月成交</translation>
    </message>
    <message>
        <source>Closing next month</source>
        <translation>下月成交</translation>
    </message>
    <message>
        <source>Closing this quarter</source>
        <translation>本季度成交</translation>
    </message>
    <message>
        <source>Closing in 90 days</source>
        <translation>90 天内成交</translation>
    </message>
    <message>
        <source>Min amount</source>
        <translation>最低金额</translation>
    </message>
    <message>
        <source>Max amount</source>
        <translation>最高金额</translation>
    </message>
    <message>
        <source>New opportunity</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <source>Won…</source>
        <translation>赢单…</translation>
    </message>
    <message>
        <source>Lost…</source>
        <translation>输单…</translation>
    </message>
    <message>
        <source>Products…</source>
        <translation>产品…</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Contracts for the selected deals…</source>
        <translation>为所选商机生成合同…</translation>
    </message>
    <message>
        <source>Quotes for the selected deals…</source>
        <translation>为所选商机生成报价单…</translation>
    </message>
    <message>
        <source>Every owner</source>
        <translation>全部负责人</translation>
    </message>
    <message numerus="yes">
        <source>Move %n deal(s) to %1</source>
        <translation>
            <numerusform>将 %n 个商机移到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Deal won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Deal lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <source>Why was it won?</source>
        <translation>赢单原因？</translation>
    </message>
    <message>
        <source>Why was it lost?</source>
        <translation>输单原因？</translation>
    </message>
    <message>
        <source>Create the order for this deal now?</source>
        <translation>现在为这个商机创建订单吗？</translation>
    </message>
    <message>
        <source>Create order</source>
        <translation>创建订单</translation>
    </message>
    <message>
        <source>A number in the amount or the lines does not read.</source>
        <translation>金额或明细中有无法识别的数字。</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Save opportunity %1</source>
        <translation>保存商机 %1</translation>
    </message>
    <message>
        <source>Select the deals in the board or the table first.</source>
        <translation>请先在看板或表格中选择商机。</translation>
    </message>
</context>
<context>
    <name>PointRow</name>
    <message>
        <source>Primary</source>
        <translation>首选</translation>
    </message>
</context>
<context>
    <name>PostView</name>
    <message>
        <source>Labels…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <source>Envelopes…</source>
        <translation>信封…</translation>
    </message>
    <message>
        <source>Letters…</source>
        <translation>信函…</translation>
    </message>
    <message numerus="yes">
        <source>By post: %n member(s)</source>
        <translation>
            <numerusform>邮寄：%n 位成员</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the envelopes</source>
        <translation>保存信封</translation>
    </message>
    <message numerus="yes">
        <source>%n envelope(s) written</source>
        <translation>
            <numerusform>已生成 %n 个信封</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without an address</source>
        <translation>
            <numerusform>%n 位没有地址</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProductCatalogue</name>
    <message>
        <source>Product catalogue</source>
        <translation>产品目录</translation>
    </message>
    <message>
        <source>Search code, name or category</source>
        <translation>搜索编码、名称或类别</translation>
    </message>
    <message>
        <source>Show inactive</source>
        <translation>显示已停用</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Tax rate %</source>
        <translation>税率 %</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新建产品</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>A figure does not read.</source>
        <translation>有数字无法识别。</translation>
    </message>
    <message>
        <source>Save product %1</source>
        <translation>保存产品 %1</translation>
    </message>
</context>
<context>
    <name>ProductForm</name>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新建产品</translation>
    </message>
    <message>
        <source>Offered (active)</source>
        <translation>在售（启用）</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Tax rate %</source>
        <translation>税率 %</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Something went wrong inside crmdesk: %1</source>
        <translation>crmdesk 内部出错：%1</translation>
    </message>
    <message>
        <source>Your data is safe: the last action was not saved. Details were written to %1.</source>
        <translation>您的数据是安全的：上一步操作未保存。详细信息已写入 %1。</translation>
    </message>
</context>
<context>
    <name>QuoteStatus</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>已被新版本取代</translation>
    </message>
</context>
<context>
    <name>QuotesView</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>开具日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>未税金额</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>税额</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>含税金额</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Discount %</source>
        <translation>折扣 %</translation>
    </message>
    <message>
        <source>Tax %</source>
        <translation>税率 %</translation>
    </message>
    <message>
        <source>New quote from the lines</source>
        <translation>按明细新建报价单</translation>
    </message>
    <message>
        <source>Save validity and terms</source>
        <translation>保存有效期和条款</translation>
    </message>
    <message>
        <source>Mark sent</source>
        <translation>标记为已发送</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 版 / 共 %2 版</translation>
    </message>
    <message>
        <source>Quote %1, revision %2 of %3: gross %4 %5</source>
        <translation>报价单 %1，第 %2 版 / 共 %3 版：含税 %4 %5</translation>
    </message>
    <message>
        <source>New quote</source>
        <translation>新建报价单</translation>
    </message>
    <message>
        <source>Quote %1: %2</source>
        <translation>报价单 %1：%2</translation>
    </message>
    <message>
        <source>Quote %1: terms</source>
        <translation>报价单 %1：条款</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Product fit</source>
        <translation>产品契合</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>客户关系</translation>
    </message>
    <message>
        <source>Service and support</source>
        <translation>服务与支持</translation>
    </message>
    <message>
        <source>Price too high</source>
        <translation>价格过高</translation>
    </message>
    <message>
        <source>Lost to a competitor</source>
        <translation>输给竞争对手</translation>
    </message>
    <message>
        <source>No budget</source>
        <translation>没有预算</translation>
    </message>
    <message>
        <source>No decision</source>
        <translation>客户未做决定</translation>
    </message>
    <message>
        <source>Product does not fit</source>
        <translation>产品不符合需求</translation>
    </message>
    <message>
        <source>No need</source>
        <translation>没有需求</translation>
    </message>
    <message>
        <source>Cannot be reached</source>
        <translation>无法联系</translation>
    </message>
    <message>
        <source>Went elsewhere</source>
        <translation>已选择其他供应商</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复线索</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Throw away your changes</source>
        <translation>放弃您的修改</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save (%1)</source>
        <translation>保存（%1）</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Bring this record back from the recycle bin</source>
        <translation>从回收站恢复此记录</translation>
    </message>
    <message>
        <source>Delete for good…</source>
        <translation>永久删除…</translation>
    </message>
    <message>
        <source>This record is in the recycle bin.</source>
        <translation>此记录在回收站中。</translation>
    </message>
    <message>
        <source>1 problem to fix before saving.</source>
        <translation>保存前需修正 1 个问题。</translation>
    </message>
    <message numerus="yes">
        <source>%n problems to fix before saving.</source>
        <translation>
            <numerusform>保存前需修正 %n 个问题。</numerusform>
        </translation>
    </message>
    <message>
        <source>Changed elsewhere — reload to see the new version (your edits will be lost).</source>
        <translation>已在别处修改——重新载入可查看新版本（您的修改将丢失）。</translation>
    </message>
</context>
<context>
    <name>ReminderNotice</name>
    <message>
        <source>Snooze 10 minutes</source>
        <translation>10 分钟后再提醒</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Missed while crmdesk was closed:</source>
        <translation>crmdesk 关闭期间错过的提醒：</translation>
    </message>
    <message>
        <source>Reminder:</source>
        <translation>提醒：</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>还有 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Excel Report</source>
        <translation>Excel 报表</translation>
    </message>
    <message>
        <source>Customers (tier, loyalty, RFM)</source>
        <translation>客户（等级、忠诚度、RFM）</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>销售管道</translation>
    </message>
    <message>
        <source>Forecast by month, owner and stage</source>
        <translation>按月份、负责人和阶段的销售预测</translation>
    </message>
    <message>
        <source>Activities per owner and week</source>
        <translation>各负责人每周活动</translation>
    </message>
    <message>
        <source>Orders: revenue per customer and month</source>
        <translation>订单：每位客户每月的收入</translation>
    </message>
    <message>
        <source>Service cases and resolution times</source>
        <translation>服务工单及解决用时</translation>
    </message>
    <message>
        <source>Only this period:</source>
        <translation>仅此期间：</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>已取消，未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>From %1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message>
        <source>Up to %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>生成程序</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>The account&apos;s name.</source>
        <translation>客户的名称。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>The account&apos;s own code.</source>
        <translation>客户的编号。</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Value tier (customer pyramid).</source>
        <translation>价值等级（客户金字塔）。</translation>
    </message>
    <message>
        <source>Loyalty stage</source>
        <translation>忠诚度阶段</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>The account manager.</source>
        <translation>客户经理。</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Orders in the period, not cancelled or returned.</source>
        <translation>期间内的订单，不含已取消和已退货的订单。</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已触达</translation>
    </message>
    <message>
        <source>Responded</source>
        <translation>已响应</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>已成交</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Cost per response</source>
        <translation>单次响应成本</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>投资回报率</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Left out because</source>
        <translation>排除原因</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Per channel</source>
        <translation>各渠道</translation>
    </message>
    <message>
        <source>Responses per channel</source>
        <translation>各渠道响应</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>客户细分</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>The orders&apos; amounts in the period.</source>
        <translation>期间内订单金额的合计。</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <source>By tier</source>
        <translation>按等级</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customers by tier</source>
        <translation>各等级客户数</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Orders not cancelled or returned.</source>
        <translation>不含已取消和已退货的订单。</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Revenue by month</source>
        <translation>每月销售额</translation>
    </message>
    <message>
        <source>(no owner)</source>
        <translation>（无负责人）</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>The Monday of the week.</source>
        <translation>该周的星期一。</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>By owner</source>
        <translation>按负责人</translation>
    </message>
    <message>
        <source>Activities by owner</source>
        <translation>各负责人的活动数</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢单</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>The deal&apos;s own, else its stage&apos;s.</source>
        <translation>商机自身的赢率，没有则取所处阶段的赢率。</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <source>Amount × probability.</source>
        <translation>金额 × 赢率。</translation>
    </message>
    <message>
        <source>Close date</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>By stage</source>
        <translation>按阶段</translation>
    </message>
    <message>
        <source>Open pipeline by stage</source>
        <translation>各阶段进行中的商机</translation>
    </message>
    <message>
        <source>The month of the expected close date.</source>
        <translation>预计成交日期所在的月份。</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>商机数</translation>
    </message>
    <message>
        <source>Forecast by month</source>
        <translation>每月预测</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解决日期</translation>
    </message>
    <message>
        <source>Hours to resolve</source>
        <translation>解决用时（小时）</translation>
    </message>
    <message>
        <source>From opening to resolution, in hours.</source>
        <translation>从创建到解决所用的小时数。</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>是否按时</translation>
    </message>
    <message>
        <source>Resolved by the time it was due.</source>
        <translation>在到期时间之前解决。</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>By kind</source>
        <translation>按类型</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>工单数</translation>
    </message>
    <message>
        <source>Average hours to resolve</source>
        <translation>平均解决用时（小时）</translation>
    </message>
    <message>
        <source>Cases by kind</source>
        <translation>各类型工单数</translation>
    </message>
    <message>
        <source>Service figures</source>
        <translation>服务指标</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Cases per month</source>
        <translation>每月工单</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cases opened and closed</source>
        <translation>受理与关闭的工单</translation>
    </message>
    <message>
        <source>Within target</source>
        <translation>按时解决</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>价值等级</translation>
    </message>
    <message>
        <source>Resolved within target</source>
        <translation>按时解决率</translation>
    </message>
    <message>
        <source>Cases opened</source>
        <translation>受理工单数</translation>
    </message>
    <message>
        <source>Cases resolved</source>
        <translation>解决工单数</translation>
    </message>
    <message>
        <source>First-contact resolution (%)</source>
        <translation>首次接触解决率（%）</translation>
    </message>
    <message>
        <source>90th percentile of hours to resolve</source>
        <translation>解决用时第 90 百分位（小时）</translation>
    </message>
    <message>
        <source>Complaints per 100 customers</source>
        <translation>每百名客户投诉数</translation>
    </message>
    <message>
        <source>Reopened (% of resolved)</source>
        <translation>重新打开率（占已解决 %）</translation>
    </message>
    <message>
        <source>Satisfaction c after closing</source>
        <translation>结案后满意度 c</translation>
    </message>
    <message>
        <source>Surveys after closing</source>
        <translation>结案后调查份数</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>About this report</source>
        <translation>报表说明</translation>
    </message>
    <message>
        <source>Revenue per customer and month</source>
        <translation>各客户每月销售额</translation>
    </message>
    <message>
        <source>Activities per owner and week</source>
        <translation>各负责人每周活动</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>销售管道</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Forecast by month, owner and stage</source>
        <translation>按月份、负责人和阶段的销售预测</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>客户服务</translation>
    </message>
    <message>
        <source>Service cases and resolution times</source>
        <translation>服务工单及解决用时</translation>
    </message>
</context>
<context>
    <name>ResponseKind</name>
    <message>
        <source>No response</source>
        <translation>未响应</translation>
    </message>
    <message>
        <source>Interested</source>
        <translation>有兴趣</translation>
    </message>
    <message>
        <source>Not interested</source>
        <translation>不感兴趣</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>已购买</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>已退订</translation>
    </message>
</context>
<context>
    <name>ResponseSource</name>
    <message>
        <source>By hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>From a call</source>
        <translation>来自电话</translation>
    </message>
    <message>
        <source>From an order</source>
        <translation>来自订单</translation>
    </message>
    <message>
        <source>From an opportunity</source>
        <translation>来自商机</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Choose a backup. The file as it is now is kept as a backup first.</source>
        <translation>请选择一个备份。当前文件会先另存为备份。</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Other File…</source>
        <translation>其他文件…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>damaged file</source>
        <translation>损坏的文件</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>No backups yet. Choose a backup file with Other File…</source>
        <translation>还没有备份。可用“其他文件…”选择备份文件。</translation>
    </message>
    <message>
        <source>%1, made %2: %3 contacts, %4 accounts.</source>
        <translation>%1，创建于 %2：%3 位联系人，%4 个客户。</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>选择备份</translation>
    </message>
    <message>
        <source>Put the backup of %1 in place of the current data? The current data is kept as a backup first.</source>
        <translation>用 %1 的备份替换当前数据吗？当前数据会先另存为备份。</translation>
    </message>
</context>
<context>
    <name>SaveAccountCommand</name>
    <message>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
</context>
<context>
    <name>SaveContactCommand</name>
    <message>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
</context>
<context>
    <name>SegmentDialog</name>
    <message numerus="yes">
        <source>in the last %n day(s)</source>
        <translation>
            <numerusform>在最近 %n 天内</numerusform>
        </translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>客户细分</translation>
    </message>
    <message>
        <source>All of these (AND)</source>
        <translation>满足全部条件（且）</translation>
    </message>
    <message>
        <source>Any of these (OR)</source>
        <translation>满足任一条件（或）</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>Add criterion</source>
        <translation>添加条件</translation>
    </message>
    <message>
        <source>Remove criterion</source>
        <translation>删除条件</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>Match:</source>
        <translation>匹配方式：</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>a number of days, e.g. 30</source>
        <translation>天数，例如 30</translation>
    </message>
    <message>
        <source>Enter a number of days.</source>
        <translation>请输入天数。</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n 位联系人</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit segment %1</source>
        <translation>编辑客户细分 %1</translation>
    </message>
    <message>
        <source>New segment %1</source>
        <translation>新建客户细分 %1</translation>
    </message>
</context>
<context>
    <name>SegmentsView</name>
    <message>
        <source>New segment…</source>
        <translation>新建客户细分…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n contact(s)</source>
        <translation>
            <numerusform>%1 — %n 位联系人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServiceFiguresView</name>
    <message>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Cases opened and closed</source>
        <translation>受理与关闭的工单</translation>
    </message>
    <message>
        <source>Resolved within target</source>
        <translation>按时解决率</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>Opened: %1</source>
        <translation>受理：%1</translation>
    </message>
    <message>
        <source>Resolved: %1</source>
        <translation>已解决：%1</translation>
    </message>
    <message>
        <source>First-contact resolution: %1</source>
        <translation>首次接触解决率：%1</translation>
    </message>
    <message>
        <source>Time to resolve: %1 on average, %2 for 90%</source>
        <translation>解决用时：平均 %1，90% 在 %2 内</translation>
    </message>
    <message>
        <source>Complaints per 100 customers: %1</source>
        <translation>每百名客户投诉：%1</translation>
    </message>
    <message>
        <source>Reopened: %1</source>
        <translation>重新打开：%1</translation>
    </message>
    <message numerus="yes">
        <source>Satisfaction after closing: c = %1 (%n survey(s))</source>
        <translation>
            <numerusform>结案后满意度：c = %1（%n 份调查）</numerusform>
        </translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Within target</source>
        <translation>按时解决</translation>
    </message>
</context>
<context>
    <name>ServiceLevelsPage</name>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Respond within (h)</source>
        <translation>响应时限（小时）</translation>
    </message>
    <message>
        <source>Resolve within (h)</source>
        <translation>解决时限（小时）</translation>
    </message>
    <message>
        <source>Working hours only</source>
        <translation>仅计工作时间</translation>
    </message>
    <message>
        <source>Whose public holidays count, e.g. CN</source>
        <translation>按哪个国家的法定节假日计算，如 CN</translation>
    </message>
    <message>
        <source>This computer&apos;s</source>
        <translation>本机时区</translation>
    </message>
    <message>
        <source>Tell the owner&apos;s manager too</source>
        <translation>同时通知负责人的主管</translation>
    </message>
    <message>
        <source>owner = manager; owner = manager</source>
        <translation>负责人 = 主管; 负责人 = 主管</translation>
    </message>
    <message>
        <source>Working day starts:</source>
        <translation>上班时间：</translation>
    </message>
    <message>
        <source>Working day ends:</source>
        <translation>下班时间：</translation>
    </message>
    <message>
        <source>Holidays of (country):</source>
        <translation>节假日（国家）：</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>时区：</translation>
    </message>
    <message>
        <source>Escalate after the target by (h):</source>
        <translation>超过时限多久后升级（小时）：</translation>
    </message>
    <message>
        <source>Managers:</source>
        <translation>主管：</translation>
    </message>
    <message>
        <source>Service levels</source>
        <translation>服务级别</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>ask</source>
        <translation>询问</translation>
    </message>
    <message>
        <source>always</source>
        <translation>总是</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>{{ name }}, {{ case_number }}, {{ case_subject }} and the other fields are filled in (point at a text for all of them). A contact whose name is written in Chinese gets the Chinese e-mail.</source>
        <translation>{{ name }}、{{ case_number }}、{{ case_subject }} 等字段会自动填入（鼠标指向正文可查看全部字段）。姓名为中文的联系人收到中文邮件。</translation>
    </message>
    <message>
        <source>Dissatisfied below c =</source>
        <translation>c 低于此值为不满意：</translation>
    </message>
    <message>
        <source>Highly satisfied above c =</source>
        <translation>c 高于此值为非常满意：</translation>
    </message>
    <message>
        <source>After a case is closed, send the survey:</source>
        <translation>工单关闭后发送满意度调查：</translation>
    </message>
    <message>
        <source>The survey e-mail in English:</source>
        <translation>英文调查邮件：</translation>
    </message>
    <message>
        <source>The survey e-mail in Chinese:</source>
        <translation>中文调查邮件：</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>客户服务</translation>
    </message>
</context>
<context>
    <name>ServicePane</name>
    <message>
        <source>Cases</source>
        <translation>服务工单</translation>
    </message>
    <message>
        <source>Solutions</source>
        <translation>解决方案库</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>服务指标</translation>
    </message>
    <message>
        <source>Search number, subject or account</source>
        <translation>搜索单号、主题或客户</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完结</translation>
    </message>
    <message>
        <source>Any priority</source>
        <translation>全部优先级</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Show deleted cases, to restore them</source>
        <translation>显示已删除的工单，以便恢复</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <source>Every owner</source>
        <translation>全部负责人</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n 个工单</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move the selected cases to the recycle bin</source>
        <translation>将所选工单移到回收站</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Bring the selected cases back from the recycle bin</source>
        <translation>从回收站恢复所选工单</translation>
    </message>
    <message>
        <source>Search solutions (Chinese, pinyin or English)</source>
        <translation>搜索解决方案（中文、拼音或英文）</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>解决办法</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>相关产品</translation>
    </message>
    <message>
        <source>Told: %1</source>
        <translation>已通知：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 等，另有 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n escalated: %1</source>
        <translation>
            <numerusform>%n 个已升级：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>SolutionDialog</name>
    <message>
        <source>Publish as solution</source>
        <translation>发布为解决方案</translation>
    </message>
    <message>
        <source>Edit the solution</source>
        <translation>编辑解决方案</translation>
    </message>
    <message>
        <source>Why it happened</source>
        <translation>问题产生的原因</translation>
    </message>
    <message>
        <source>The products it concerns, e.g. RFID reader R2</source>
        <translation>涉及的产品，例如 RFID 读写器 R2</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <source>Cause:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>解决办法：</translation>
    </message>
    <message>
        <source>Products:</source>
        <translation>相关产品：</translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message numerus="yes">
        <source>%n deal(s)</source>
        <translation>
            <numerusform>%n 个商机</numerusform>
        </translation>
    </message>
    <message>
        <source>Sum %1 · weighted %2</source>
        <translation>合计 %1 · 加权 %2</translation>
    </message>
</context>
<context>
    <name>StageSettingsPage</name>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Default probability</source>
        <translation>默认赢单概率</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>添加阶段</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Deals use a stage&apos;s probability unless their own is set. A stage with deals in it cannot be removed; move them first.</source>
        <translation>商机默认使用所在阶段的概率，除非单独设置。仍有商机的阶段不能移除；请先移走这些商机。</translation>
    </message>
    <message>
        <source>Pipeline stages</source>
        <translation>销售阶段</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>新阶段</translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <source>Qualification</source>
        <translation>初步接触</translation>
    </message>
    <message>
        <source>Needs analysis</source>
        <translation>需求分析</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>方案报价</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>谈判</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
</context>
<context>
    <name>StoryTable</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <source>Survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Expected (a)</source>
        <translation>期望 (a)</translation>
    </message>
    <message>
        <source>Perceived (b)</source>
        <translation>感知 (b)</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>问卷模板：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>SurveyItems</name>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Response time</source>
        <translation>响应速度</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Communication</source>
        <translation>沟通</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>After-sales survey</source>
        <translation>售后满意度调查</translation>
    </message>
</context>
<context>
    <name>SurveySending</name>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>mobile phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>a visit</source>
        <translation>上门拜访</translation>
    </message>
    <message>
        <source>post</source>
        <translation>邮寄</translation>
    </message>
    <message>
        <source>opted out of being contacted</source>
        <translation>已退订所有联系</translation>
    </message>
    <message>
        <source>prefers e-mail</source>
        <translation>首选电子邮件</translation>
    </message>
    <message>
        <source>no channel preferred; has an e-mail address</source>
        <translation>无首选渠道，有电子邮件地址</translation>
    </message>
    <message>
        <source>prefers e-mail but opted out of it</source>
        <translation>首选电子邮件，但已退订邮件</translation>
    </message>
    <message>
        <source>prefers e-mail but has no address</source>
        <translation>首选电子邮件，但没有邮件地址</translation>
    </message>
    <message>
        <source>the preferred channel</source>
        <translation>首选渠道</translation>
    </message>
    <message>
        <source>opted out of the preferred channel</source>
        <translation>已退订首选渠道</translation>
    </message>
    <message>
        <source>no channel preferred</source>
        <translation>无首选渠道</translation>
    </message>
    <message>
        <source>opted out of every channel</source>
        <translation>已退订所有渠道</translation>
    </message>
    <message>
        <source>Survey e-mailed to %1 &lt;%2&gt; (%3): %4</source>
        <translation>已通过电子邮件向 %1 &lt;%2&gt; 发送调查（%3）：%4</translation>
    </message>
    <message>
        <source>Ask %1 for a satisfaction survey on case %2</source>
        <translation>请 %1 填写工单 %2 的满意度调查</translation>
    </message>
    <message>
        <source>By %1: %2 (%3).</source>
        <translation>方式：%1，%2（%3）。</translation>
    </message>
    <message>
        <source>no details on file</source>
        <translation>没有登记联系方式</translation>
    </message>
    <message>
        <source>nobody (the case has no owner)</source>
        <translation>无人（工单没有负责人）</translation>
    </message>
    <message>
        <source>Survey task for %1, due %2: ask %3 by %4 (%5, %6).</source>
        <translation>已为 %1 创建回访任务，截止 %2：通过%4请 %3 填写调查（%5，%6）。</translation>
    </message>
    <message>
        <source>No survey: %1 %2.</source>
        <translation>不发送调查：%1%2。</translation>
    </message>
</context>
<context>
    <name>SurveysView</name>
    <message>
        <source>New survey…</source>
        <translation>录入调查…</translation>
    </message>
    <message>
        <source>Import answers…</source>
        <translation>导入答卷…</translation>
    </message>
    <message>
        <source>Survey templates…</source>
        <translation>调查模板…</translation>
    </message>
    <message>
        <source>Every customer</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Type a customer&apos;s name to see only their surveys</source>
        <translation>输入客户名称，只看该客户的调查</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Expected (a)</source>
        <translation>期望 (a)</translation>
    </message>
    <message>
        <source>Perceived (b)</source>
        <translation>感知 (b)</translation>
    </message>
    <message>
        <source>c = b / a</source>
        <translation>c = b / a</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>满意程度</translation>
    </message>
    <message>
        <source>Satisfaction c month by month</source>
        <translation>各月满意度 c</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Highly satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <source>No surveys in the last 12 months.</source>
        <translation>最近 12 个月没有满意度调查。</translation>
    </message>
    <message numerus="yes">
        <source>Last 12 months, %n survey(s): overall c = %1, %2</source>
        <translation>
            <numerusform>最近 12 个月共 %n 份调查：总体 c = %1，%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter a survey</source>
        <translation>录入满意度调查</translation>
    </message>
    <message>
        <source>Import survey answers</source>
        <translation>导入调查答卷</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx *.txt)</source>
        <translation>表格 (*.csv *.xlsx *.txt)</translation>
    </message>
</context>
<context>
    <name>TagsEdit</name>
    <message>
        <source>Tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <source>Monthly targets</source>
        <translation>月度目标</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>Copy from last month</source>
        <translation>复制上月目标</translation>
    </message>
    <message>
        <source>Weights are relative: each owner&apos;s weights count as shares of their total (2, 1, 1 count 50 %, 25 %, 25 %); an empty weight counts 1. An empty target sets none.</source>
        <translation>权重为相对值：每位负责人的各项权重按其总和折算占比（2、1、1 即 50 %、25 %、25 %）；权重留空按 1 计。目标留空即不设该项目标。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Weight shares</source>
        <translation>权重占比</translation>
    </message>
    <message>
        <source>No owners yet: accounts name them.</source>
        <translation>还没有负责人：负责人来自客户的负责人字段。</translation>
    </message>
    <message>
        <source>%1, %2: a target cannot be negative.</source>
        <translation>%1，%2：目标不能为负数。</translation>
    </message>
    <message>
        <source>%1, %2: a weight cannot be negative.</source>
        <translation>%1，%2：权重不能为负数。</translation>
    </message>
    <message>
        <source>%1, %2: “%3” is not a number.</source>
        <translation>%1，%2：“%3”不是数字。</translation>
    </message>
    <message>
        <source>Nothing was saved:
%1</source>
        <translation>未保存任何内容：
%1</translation>
    </message>
    <message>
        <source>Nothing has changed.</source>
        <translation>没有任何改动。</translation>
    </message>
    <message>
        <source>Set the targets of %1</source>
        <translation>设置 %1 的目标</translation>
    </message>
    <message>
        <source>The targets of %1 are saved.</source>
        <translation>%1 的目标已保存。</translation>
    </message>
    <message>
        <source>No targets were set in %1.</source>
        <translation>%1 没有设置目标。</translation>
    </message>
    <message>
        <source>Copied from %1: save to keep them.</source>
        <translation>已从 %1 复制：保存后生效。</translation>
    </message>
    <message>
        <source>Discard the unsaved targets of %1?</source>
        <translation>放弃 %1 未保存的目标吗？</translation>
    </message>
</context>
<context>
    <name>TaskListModel</name>
    <message>
        <source>No owner</source>
        <translation>无负责人</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>即将到期</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>已逾期 %n 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>Survey templates</source>
        <translation>调查模板</translation>
    </message>
    <message>
        <source>1 to 5</source>
        <translation>1–5 分</translation>
    </message>
    <message>
        <source>1 to 10</source>
        <translation>1–10 分</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加项目</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>新建模板</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>评分范围：</translation>
    </message>
    <message>
        <source>A new template.</source>
        <translation>新模板。</translation>
    </message>
    <message numerus="yes">
        <source>%n survey(s) were recorded on this template: items they answer cannot be removed, and renaming one renames its answers.</source>
        <translation>
            <numerusform>此模板已记录 %n 份调查：被回答过的项目不能删除，重命名项目时其回答也随之改名。</numerusform>
        </translation>
    </message>
    <message>
        <source>No surveys were recorded on this template yet.</source>
        <translation>此模板尚未记录任何调查。</translation>
    </message>
    <message>
        <source>(new template)</source>
        <translation>（新模板）</translation>
    </message>
    <message numerus="yes">
        <source>Answered in %n survey(s)</source>
        <translation>
            <numerusform>已在 %n 份调查中回答</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 cannot be removed: %n recorded survey(s) answer it. Rename it instead, or keep it.</source>
        <translation>
            <numerusform>无法删除“%1”：已有 %n 份调查回答了该项目。可以重命名或保留它。</numerusform>
        </translation>
    </message>
    <message>
        <source>Save survey template %1</source>
        <translation>保存调查模板 %1</translation>
    </message>
</context>
<context>
    <name>Templates</name>
    <message>
        <source>The contract&apos;s or quote&apos;s number.</source>
        <translation>合同或报价单的编号。</translation>
    </message>
    <message>
        <source>The date it is made.</source>
        <translation>签订或出具日期。</translation>
    </message>
    <message>
        <source>The last day a quote is valid.</source>
        <translation>报价有效期的最后一天。</translation>
    </message>
    <message>
        <source>Payment and delivery terms.</source>
        <translation>付款及交货条款。</translation>
    </message>
    <message>
        <source>Our company&apos;s name (Settings).</source>
        <translation>我方公司名称（设置中填写）。</translation>
    </message>
    <message>
        <source>Our company&apos;s address and postal code.</source>
        <translation>我方公司的地址和邮编。</translation>
    </message>
    <message>
        <source>Our taxpayer identification number.</source>
        <translation>我方纳税人识别号。</translation>
    </message>
    <message>
        <source>Our bank and account number.</source>
        <translation>我方开户行及账号。</translation>
    </message>
    <message>
        <source>Our company&apos;s phone number.</source>
        <translation>我方公司电话。</translation>
    </message>
    <message>
        <source>Our company&apos;s email address.</source>
        <translation>我方公司邮箱。</translation>
    </message>
    <message>
        <source>The customer&apos;s (account&apos;s) name.</source>
        <translation>客户（买方）名称。</translation>
    </message>
    <message>
        <source>The account&apos;s address.</source>
        <translation>客户地址。</translation>
    </message>
    <message>
        <source>The account&apos;s taxpayer identification number.</source>
        <translation>客户的纳税人识别号。</translation>
    </message>
    <message>
        <source>The deal&apos;s contact person.</source>
        <translation>商机的联系人。</translation>
    </message>
    <message>
        <source>The contact&apos;s phone number.</source>
        <translation>联系人电话。</translation>
    </message>
    <message>
        <source>The contact&apos;s email address.</source>
        <translation>联系人邮箱。</translation>
    </message>
    <message>
        <source>The account manager who owns the deal.</source>
        <translation>负责该商机的客户经理。</translation>
    </message>
    <message>
        <source>The opportunity&apos;s name.</source>
        <translation>商机名称。</translation>
    </message>
    <message>
        <source>The expected close date.</source>
        <translation>预计成交日期。</translation>
    </message>
    <message>
        <source>The line items: loop with {%tr for line in lines %}.</source>
        <translation>产品明细：用 {%tr for line in lines %} 循环。</translation>
    </message>
    <message>
        <source>The line&apos;s number: 1, 2, 3 …</source>
        <translation>明细序号：1、2、3 …</translation>
    </message>
    <message>
        <source>The product&apos;s name.</source>
        <translation>产品名称。</translation>
    </message>
    <message>
        <source>The line&apos;s description.</source>
        <translation>明细说明。</translation>
    </message>
    <message>
        <source>The quantity.</source>
        <translation>数量。</translation>
    </message>
    <message>
        <source>The unit: pcs, set, 台 …</source>
        <translation>单位：个、套、台 …</translation>
    </message>
    <message>
        <source>The price of one unit.</source>
        <translation>单价。</translation>
    </message>
    <message>
        <source>The discount in percent (empty: none).</source>
        <translation>折扣百分比（无折扣时为空）。</translation>
    </message>
    <message>
        <source>The tax (VAT) rate in percent.</source>
        <translation>税率（增值税）百分比。</translation>
    </message>
    <message>
        <source>The line&apos;s amount before tax.</source>
        <translation>该行不含税金额。</translation>
    </message>
    <message>
        <source>The line&apos;s tax.</source>
        <translation>该行税额。</translation>
    </message>
    <message>
        <source>The line&apos;s amount with tax.</source>
        <translation>该行价税合计。</translation>
    </message>
    <message>
        <source>All lines before tax.</source>
        <translation>全部明细不含税金额。</translation>
    </message>
    <message>
        <source>All lines&apos; tax.</source>
        <translation>全部明细税额。</translation>
    </message>
    <message>
        <source>The amount due, with tax.</source>
        <translation>应付金额（含税）。</translation>
    </message>
    <message>
        <source>The currency code: CNY, USD …</source>
        <translation>币种代码：CNY、USD …</translation>
    </message>
    <message>
        <source>The amount due in Chinese capitals.</source>
        <translation>应付金额的中文大写。</translation>
    </message>
    <message>
        <source>The amount due in English words.</source>
        <translation>应付金额的英文大写。</translation>
    </message>
    <message>
        <source>The date of the letter.</source>
        <translation>信函日期。</translation>
    </message>
    <message>
        <source>Dear Ms Smith, / 尊敬的王女士：</source>
        <translation>尊敬的王女士： / Dear Ms Smith,</translation>
    </message>
    <message>
        <source>The contact&apos;s full name.</source>
        <translation>联系人全名。</translation>
    </message>
    <message>
        <source>The family name.</source>
        <translation>姓。</translation>
    </message>
    <message>
        <source>The given name.</source>
        <translation>名。</translation>
    </message>
    <message>
        <source>The job title.</source>
        <translation>职务。</translation>
    </message>
    <message>
        <source>The department.</source>
        <translation>部门。</translation>
    </message>
    <message>
        <source>The address lines, in the country&apos;s order.</source>
        <translation>地址各行，按所在国家的书写顺序。</translation>
    </message>
    <message>
        <source>The address as one text, a line each.</source>
        <translation>整段地址，每部分一行。</translation>
    </message>
    <message>
        <source>The contact&apos;s account (company).</source>
        <translation>联系人所属客户（公司）。</translation>
    </message>
    <message>
        <source>The account&apos;s own code.</source>
        <translation>客户的编号。</translation>
    </message>
    <message>
        <source>The account&apos;s industry.</source>
        <translation>客户所属行业。</translation>
    </message>
    <message>
        <source>The account manager who looks after the contact.</source>
        <translation>负责该联系人的客户经理。</translation>
    </message>
    <message>
        <source>paragraph %1</source>
        <translation>第 %1 段</translation>
    </message>
    <message>
        <source>table %1, row %2, cell %3</source>
        <translation>表格 %1 第 %2 行第 %3 格</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>header of section %1</source>
        <translation>第 %1 节页眉</translation>
    </message>
    <message>
        <source>footer of section %1</source>
        <translation>第 %1 节页脚</translation>
    </message>
    <message>
        <source>Jinja syntax error: %1</source>
        <translation>Jinja 语法错误：%1</translation>
    </message>
    <message>
        <source>unknown field %1</source>
        <translation>未知字段 %1</translation>
    </message>
    <message>
        <source>Jinja error: %1</source>
        <translation>Jinja 错误：%1</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>★ VIP complaint</source>
        <translation>★ VIP 投诉</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <source>Log activity…</source>
        <translation>记录活动…</translation>
    </message>
    <message>
        <source>Write down a call, visit, meeting, e-mail or note (%1)</source>
        <translation>记下一次电话、拜访、会议、邮件或备注（%1）</translation>
    </message>
    <message>
        <source>History</source>
        <translation>往来记录</translation>
    </message>
    <message>
        <source>Choose a contact or an account to see its history.</source>
        <translation>选择联系人或客户以查看其往来记录。</translation>
    </message>
    <message>
        <source>Nothing here yet: calls, visits and meetings with this account appear here.</source>
        <translation>暂无记录：与此客户的电话、拜访和会议将显示在这里。</translation>
    </message>
    <message>
        <source>Nothing here yet: calls, visits and meetings with this contact appear here.</source>
        <translation>暂无记录：与此联系人的电话、拜访和会议将显示在这里。</translation>
    </message>
    <message>
        <source>Press %1 to log one.</source>
        <translation>按 %1 记录一条。</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Account manager:</source>
        <translation>客户经理：</translation>
    </message>
    <message>
        <source>Tasks for me</source>
        <translation>我的任务</translation>
    </message>
    <message>
        <source>Today&apos;s visits and calls</source>
        <translation>今日拜访与电话</translation>
    </message>
    <message>
        <source>Overdue tasks</source>
        <translation>逾期任务</translation>
    </message>
    <message>
        <source>Birthdays in the next 7 days</source>
        <translation>未来 7 天的生日</translation>
    </message>
    <message>
        <source>Deals closing this month</source>
        <translation>本月预计成交的商机</translation>
    </message>
    <message>
        <source>Overdue service cases</source>
        <translation>逾期服务工单</translation>
    </message>
    <message>
        <source>Customers at churn risk</source>
        <translation>有流失风险的客户</translation>
    </message>
    <message>
        <source>My targets this month</source>
        <translation>我的本月目标</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>今日，%1</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open</source>
        <translation>双击或按回车键打开</translation>
    </message>
    <message>
        <source>Nothing here</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>由 %1 指派</translation>
    </message>
    <message>
        <source>lunar birthday</source>
        <translation>农历生日</translation>
    </message>
    <message>
        <source>last order %1</source>
        <translation>最近订单 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) silent</source>
        <translation>
            <numerusform>已沉默 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>%1&apos;s case</source>
        <translation>%1 的工单</translation>
    </message>
    <message>
        <source>No targets are set for this month.</source>
        <translation>本月尚未设定目标。</translation>
    </message>
    <message>
        <source>Score %1 %: %2</source>
        <translation>得分 %1 %：%2</translation>
    </message>
</context>
<context>
    <name>TouchesView</name>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Number or WeChat</source>
        <translation>号码或微信</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息内容</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记为已完成</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>复制文本</translation>
    </message>
    <message>
        <source>Select the touches you have sent first.</source>
        <translation>请先选中已发送的触达。</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>渠道：</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>已完成 %1 / %2</translation>
    </message>
    <message>
        <source>Mark done: %1</source>
        <translation>标记已完成：%1</translation>
    </message>
    <message numerus="yes">
        <source>Mark %n touch(es) done</source>
        <translation>
            <numerusform>将 %n 次触达标记为已完成</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n text(s) on the clipboard</source>
        <translation>
            <numerusform>已将 %n 条文本复制到剪贴板</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UndoHistory</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>An account needs a name.</source>
        <translation>客户需要一个名称。</translation>
    </message>
    <message>
        <source>A contact needs a name (or an organisation).</source>
        <translation>联系人需要姓名（或单位）。</translation>
    </message>
    <message>
        <source>The birthday is in the future.</source>
        <translation>生日不能晚于今天。</translation>
    </message>
    <message>
        <source>A lunar birthday is a month (1–12) and a day (1–30).</source>
        <translation>农历生日由月（1–12）和日（1–30）组成。</translation>
    </message>
    <message>
        <source>Choose the month of the lunar birthday too.</source>
        <translation>还请选择农历生日的月份。</translation>
    </message>
    <message>
        <source>Choose the day of the lunar birthday too.</source>
        <translation>还请选择农历生日的日子。</translation>
    </message>
    <message>
        <source>Not a field that can be merged.</source>
        <translation>这个字段不能合并。</translation>
    </message>
    <message>
        <source>The value must come from one of the records being merged.</source>
        <translation>取值必须来自要合并的记录之一。</translation>
    </message>
    <message>
        <source>An email address must have an @-sign.</source>
        <translation>电子邮件地址必须包含 @ 符号。</translation>
    </message>
    <message>
        <source>There must be something before the @-sign.</source>
        <translation>@ 符号前面必须有内容。</translation>
    </message>
    <message>
        <source>There must be something after the @-sign.</source>
        <translation>@ 符号后面必须有内容。</translation>
    </message>
    <message>
        <source>An email address cannot end with a period.</source>
        <translation>电子邮件地址不能以句点结尾。</translation>
    </message>
    <message>
        <source>The part after the @-sign contains invalid characters.</source>
        <translation>@ 符号后面的部分含有无效字符。</translation>
    </message>
    <message>
        <source>An email address cannot have two periods in a row.</source>
        <translation>电子邮件地址不能有两个连续的句点。</translation>
    </message>
    <message>
        <source>The part after the @-sign is not valid. It should have a period.</source>
        <translation>@ 符号后面的部分无效，应包含句点（如 example.com）。</translation>
    </message>
    <message>
        <source>The part after the @-sign is not valid. It is not within a valid top-level domain.</source>
        <translation>@ 符号后面的部分无效，不是有效的顶级域名。</translation>
    </message>
    <message>
        <source>The email address contains invalid characters before the @-sign.</source>
        <translation>电子邮件地址在 @ 符号前含有无效字符。</translation>
    </message>
    <message>
        <source>Phone number is empty.</source>
        <translation>电话号码为空。</translation>
    </message>
    <message>
        <source>Not a valid phone number.</source>
        <translation>不是有效的电话号码。</translation>
    </message>
    <message>
        <source>Email address is empty.</source>
        <translation>电子邮件地址为空。</translation>
    </message>
    <message>
        <source>Not a valid e-mail address.</source>
        <translation>不是有效的电子邮件地址。</translation>
    </message>
    <message>
        <source>%1 is not a number.</source>
        <translation>%1 不是数字。</translation>
    </message>
    <message>
        <source>%1 is too large: %2 digits before the decimal point, at most %3.</source>
        <translation>%1 过大：小数点前有 %2 位数字，最多 %3 位。</translation>
    </message>
    <message>
        <source>The family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>The given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>The middle name</source>
        <translation>中间名</translation>
    </message>
    <message>
        <source>The prefix</source>
        <translation>称谓前缀</translation>
    </message>
    <message>
        <source>The suffix</source>
        <translation>称谓后缀</translation>
    </message>
    <message>
        <source>The nickname</source>
        <translation>昵称</translation>
    </message>
    <message>
        <source>The phonetic family name</source>
        <translation>姓的读音</translation>
    </message>
    <message>
        <source>The phonetic given name</source>
        <translation>名的读音</translation>
    </message>
    <message>
        <source>The organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>The title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>The department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>The WeChat ID</source>
        <translation>微信号</translation>
    </message>
    <message>
        <source>The website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>The owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>The name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>The tax ID</source>
        <translation>税号</translation>
    </message>
    <message>
        <source>The industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>The phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>The e-mail address</source>
        <translation>电子邮件地址</translation>
    </message>
    <message>
        <source>The street</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>The address&apos;s second line</source>
        <translation>地址第二行</translation>
    </message>
    <message>
        <source>The PO box</source>
        <translation>邮政信箱</translation>
    </message>
    <message>
        <source>The city</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>The region</source>
        <translation>省/州</translation>
    </message>
    <message>
        <source>The postal code</source>
        <translation>邮政编码</translation>
    </message>
    <message>
        <source>The country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>%1 is too long: %2 characters, at most %3 fit.</source>
        <translation>%1过长：%2 个字符，最多只能容纳 %3 个。</translation>
    </message>
    <message>
        <source>An activity belongs to a contact or an account.</source>
        <translation>活动必须属于某个联系人或客户。</translation>
    </message>
    <message>
        <source>Say when it happened.</source>
        <translation>请填写发生时间。</translation>
    </message>
    <message>
        <source>A duration is between 0 minutes and 24 hours.</source>
        <translation>时长应在 0 分钟到 24 小时之间。</translation>
    </message>
    <message>
        <source>The follow-up needs a title.</source>
        <translation>跟进任务需要标题。</translation>
    </message>
    <message>
        <source>An event needs a title.</source>
        <translation>日程需要标题。</translation>
    </message>
    <message>
        <source>An event needs a start.</source>
        <translation>日程需要开始时间。</translation>
    </message>
    <message>
        <source>The end lies before the start.</source>
        <translation>结束时间早于开始时间。</translation>
    </message>
    <message>
        <source>A name has at most %1 characters.</source>
        <translation>名字最多 %1 个字符。</translation>
    </message>
    <message>
        <source>A case needs a subject.</source>
        <translation>工单需要填写主题。</translation>
    </message>
    <message>
        <source>Time spent cannot be negative.</source>
        <translation>耗时不能为负数。</translation>
    </message>
    <message>
        <source>Satisfaction is 1 to 10.</source>
        <translation>满意度为 1 到 10。</translation>
    </message>
    <message>
        <source>No such account.</source>
        <translation>没有这个客户。</translation>
    </message>
    <message>
        <source>No such contact.</source>
        <translation>没有这个联系人。</translation>
    </message>
</context>
<context>
    <name>ValueTier</name>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Important</source>
        <translation>重要</translation>
    </message>
    <message>
        <source>Ordinary</source>
        <translation>普通</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Creating a demo database for your first start…</source>
        <translation>首次启动，正在创建演示数据库…</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>crmdesk</source>
        <translation>crmdesk</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>crmdesk</source>
        <translation>crmdesk</translation>
    </message>
</context>
</TS>
