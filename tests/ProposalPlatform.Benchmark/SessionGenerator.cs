using System.Text;
using System.Text.Json.Nodes;

namespace ProposalPlatform.Benchmark;

/// <summary>
/// A realistic national session: about 9,200 suggestions and 5,900 proposals, Chinese titles and texts
/// of realistic length, joint items with co-signers, every topic the customs administration sees.
/// Deterministic for a seed, so two runs post the same session.
/// </summary>
public sealed class SessionGenerator(int seed)
{
    public static readonly string[] Topics =
    [
        "综合保税区", "卫生检疫", "疫情防控", "口岸通关", "跨境电商", "关税征管", "商品归类", "打击走私",
        "进出口食品安全", "动植物检疫", "自贸试验区", "海关统计", "企业信用", "AEO认证", "商品检验",
        "加工贸易", "保税物流", "边境贸易", "中欧班列", "知识产权海关保护",
    ];

    private static readonly string[] Provinces =
    [
        "北京市|北京市", "上海市|上海市", "广东省|广州市", "广东省|深圳市", "广东省|珠海市", "浙江省|杭州市",
        "浙江省|宁波市", "江苏省|南京市", "山东省|青岛市", "福建省|厦门市", "四川省|成都市", "云南省|昆明市",
        "新疆维吾尔自治区|乌鲁木齐市", "内蒙古自治区|满洲里市", "辽宁省|大连市", "湖北省|武汉市",
    ];

    private static readonly string[] Aspects =
    [
        "进一步优化", "加快推进", "完善", "加强", "支持", "深化改革", "提升便利化水平", "建立健全",
    ];

    private static readonly string[] Sentences =
    [
        "当前，我国对外开放不断扩大，进出口规模持续增长，海关监管面临新的形势和任务。",
        "在调研中发现，部分企业反映通关时间较长、物流成本偏高，影响了企业的国际竞争力。",
        "建议海关总署会同有关部门加强统筹协调，完善相关制度，推动政策落地见效。",
        "同时，应充分运用大数据、人工智能等技术手段，提高监管的精准性和有效性。",
        "地方政府也应积极配合，在用地、资金、人才等方面给予必要支持。",
        "希望有关部门认真研究，尽快出台具体措施，切实解决企业的实际困难。",
        "此外，应加强对基层一线的培训，提升执法人员的业务能力和服务意识。",
        "相关经验表明，只有坚持问题导向，才能不断提升治理体系和治理能力现代化水平。",
    ];

    private readonly Random _random = new(seed);

    public IEnumerable<JsonObject> Items(int sessionYear, int suggestions, int proposals, int firstNumber)
    {
        for (var i = 0; i < suggestions + proposals; i++)
        {
            var kind = i < suggestions ? "Suggestion" : "Proposal";
            var number = firstNumber + (i < suggestions ? i : i - suggestions);
            yield return Item(kind, sessionYear, number);
        }
    }

    public JsonObject Item(string kind, int sessionYear, int number)
    {
        var topic = Topics[_random.Next(Topics.Length)];
        var (province, city) = Place();
        var item = new JsonObject
        {
            ["kind"] = kind,
            ["session"] = new JsonObject { ["year"] = sessionYear, ["term"] = 14, ["meeting"] = 2 },
            ["number"] = number,
            ["title"] = $"关于{Aspects[_random.Next(Aspects.Length)]}{topic}工作的{(kind == "Suggestion" ? "建议" : "提案")}",
            ["text"] = Text(topic),
            ["leadSubmitter"] = new JsonObject
            {
                ["name"] = Name(),
                ["delegation"] = kind == "Suggestion" ? $"{province.TrimEnd('省', '市')}代表团" : "经济界",
                ["province"] = province,
                ["city"] = city,
            },
            ["topic"] = topic,
        };

        // about one item in five is joint, with 2 to 10 co-signers
        if (_random.Next(5) == 0)
        {
            var coSigners = new JsonArray();
            for (var c = _random.Next(2, 11); c > 0; c--)
            {
                var (p, town) = Place();
                coSigners.Add(new JsonObject { ["name"] = Name(), ["province"] = p, ["city"] = town });
            }

            item["coSigners"] = coSigners;
        }

        return item;
    }

    private string Text(string topic)
    {
        var text = new StringBuilder($"关于{topic}的有关问题。");
        var length = _random.Next(800, 1600);
        while (text.Length < length)
        {
            text.Append(Sentences[_random.Next(Sentences.Length)]);
        }

        return text.ToString();
    }

    private (string Province, string City) Place()
    {
        var place = Provinces[_random.Next(Provinces.Length)].Split('|');
        return (place[0], place[1]);
    }

    private string Name()
    {
        const string family = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
        const string given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚";
        return $"{family[_random.Next(family.Length)]}{given[_random.Next(given.Length)]}{given[_random.Next(given.Length)]}";
    }
}
