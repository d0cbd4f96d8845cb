using ProposalPlatform.Reply.Domain;

namespace ProposalPlatform.UnitTests.Reply;

public class Removing_contact_details_from_a_published_reply
{
    [Theory]
    [InlineData("如有疑问请拨打手机13800138000联系。", "如有疑问请拨打手机***联系。")]
    [InlineData("联系人手机：+86 139-1234-5678。", "联系人手机：***。")]
    [InlineData("办公电话：010-65194114，传真（010）65195678。", "办公电话：***，传真***。")]
    [InlineData("电话：6519 4114", "电话：***")]
    [InlineData("请发邮件至 zhang.wei2020@customs.gov.cn 反映。", "请发邮件至 *** 反映。")]
    [InlineData("代表身份证号11010519491231002X已核实。", "代表身份证号***已核实。")]
    [InlineData("旧证号110105491231002。", "旧证号***。")]
    [InlineData("账号6222021234567890123。", "账号***。")]
    public void Removes_phone_numbers_mobile_numbers_e_mail_addresses_and_id_numbers(string text, string expected)
    {
        var redacted = ContactDetailsRedactor.Redact(text);

        Assert.Equal(expected, redacted);
    }

    [Fact]
    public void Keeps_years_amounts_and_article_numbers()
    {
        const string text = "2020年共办理建议159件、提案75件，第1234号建议涉及的3000万元专项资金已于2021年3月拨付。";

        var redacted = ContactDetailsRedactor.Redact(text);

        Assert.Equal(text, redacted);
    }

    [Fact]
    public void Removes_every_detail_of_a_whole_reply_and_keeps_the_rest()
    {
        const string text = "张伟代表：您好！您提出的关于口岸通关便利化的建议收悉。经办人李明，电话010-65194114，手机13912345678，邮箱liming@customs.gov.cn。";

        var redacted = ContactDetailsRedactor.Redact(text);

        Assert.Equal("张伟代表：您好！您提出的关于口岸通关便利化的建议收悉。经办人李明，电话***，手机***，邮箱***。", redacted);
    }
}
