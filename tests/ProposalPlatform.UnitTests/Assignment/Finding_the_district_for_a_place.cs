using ProposalPlatform.Assignment.Domain;

namespace ProposalPlatform.UnitTests.Assignment;

public class Finding_the_district_for_a_place
{
    private static readonly Coverage[] _coverage =
    [
        new("DIST-NANJING", "江苏", null),
        new("DIST-GUANGZHOU", "广东", "广州"),
        new("DIST-SHENZHEN", "广东", "深圳"),
        new("DIST-GONGBEI", "广东", "珠海"),
        new("DIST-HOHHOT", "内蒙古", null),
        new("DIST-MANZHOULI", "内蒙古", "呼伦贝尔"),
    ];

    [Theory]
    [InlineData("广东省", "深圳市", "DIST-SHENZHEN")]
    [InlineData("广东", "珠海", "DIST-GONGBEI")]
    [InlineData(" 广东省 ", " 广州市 ", "DIST-GUANGZHOU")]
    public void Finds_the_district_that_lists_the_city(string province, string city, string expected)
    {
        Assert.Equal(expected, DistrictFinder.DistrictFor(province, city, _coverage));
    }

    [Theory]
    [InlineData("江苏省", "苏州市")]
    [InlineData("江苏", null)]
    public void Falls_back_to_the_district_covering_the_whole_province(string province, string? city)
    {
        Assert.Equal("DIST-NANJING", DistrictFinder.DistrictFor(province, city, _coverage));
    }

    [Fact]
    public void Prefers_a_district_listing_the_city_over_a_province_wide_one()
    {
        Assert.Equal("DIST-MANZHOULI", DistrictFinder.DistrictFor("内蒙古自治区", "呼伦贝尔市", _coverage));
        Assert.Equal("DIST-HOHHOT", DistrictFinder.DistrictFor("内蒙古自治区", "包头市", _coverage));
    }

    [Theory]
    [InlineData("广东省", "佛山市")]
    [InlineData("台湾省", "台北市")]
    public void Finds_none_when_no_district_covers_the_place(string province, string city)
    {
        Assert.Null(DistrictFinder.DistrictFor(province, city, _coverage));
    }

    [Theory]
    [InlineData("广西壮族自治区", "广西")]
    [InlineData("新疆维吾尔自治区", "新疆")]
    [InlineData("宁夏回族自治区", "宁夏")]
    [InlineData("西藏自治区", "西藏")]
    [InlineData("北京市", "北京")]
    [InlineData("锡林郭勒盟", "锡林郭勒")]
    [InlineData("深圳", "深圳")]
    [InlineData("沙市", "沙市")]
    public void Reads_a_place_name_with_or_without_its_suffix(string written, string normalized)
    {
        Assert.Equal(normalized, PlaceNames.Normalize(written));
    }
}
