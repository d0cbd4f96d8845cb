using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.UnitTests.Intake;

public class Finding_similar_items
{
    private const string BondedZone = "关于在本市设立综合保税区的建议。建议海关总署支持本市设立综合保税区，促进加工贸易转型升级，扩大对外开放，带动就业。";
    private const string BondedZoneAgain = "关于在我市设立综合保税区的建议。建议海关总署支持我市设立综合保税区，促进加工贸易转型升级，扩大对外开放，带动就业。";
    private const string Quarantine = "关于加强口岸卫生检疫的建议。疫情期间入境人员增多，建议加强口岸卫生检疫力量，完善检疫设施，提高通关效率。";

    [Fact]
    public void Scores_nearly_the_same_chinese_text_above_the_default_threshold()
    {
        var similarity = Similarity.Jaccard(TextGrams.OfItem("", BondedZone), TextGrams.OfItem("", BondedZoneAgain));

        Assert.True(similarity >= Similarity.DefaultThreshold, $"similarity {similarity}");
    }

    [Fact]
    public void Scores_items_on_different_subjects_far_below_the_threshold()
    {
        var similarity = Similarity.Jaccard(TextGrams.OfItem("", BondedZone), TextGrams.OfItem("", Quarantine));

        Assert.True(similarity < 0.2, $"similarity {similarity}");
    }

    [Fact]
    public void Gives_the_same_text_the_same_band_keys_and_similar_texts_a_shared_key()
    {
        var a = Similarity.BandKeys(TextGrams.OfItem("", BondedZone), 2026);
        var b = Similarity.BandKeys(TextGrams.OfItem("", BondedZoneAgain), 2026);

        Assert.Equal(Similarity.BandCount, a.Length);
        Assert.Equal(a, Similarity.BandKeys(TextGrams.OfItem("", BondedZone), 2026));
        Assert.NotEmpty(a.Intersect(b));
    }

    [Fact]
    public void Gives_the_same_text_in_another_session_no_shared_key()
    {
        var thisYear = Similarity.BandKeys(TextGrams.OfItem("", BondedZone), 2026);
        var lastYear = Similarity.BandKeys(TextGrams.OfItem("", BondedZone), 2025);

        Assert.Empty(thisYear.Intersect(lastYear));
    }

    [Fact]
    public void Makes_bigrams_of_chinese_runs_and_keeps_single_characters()
    {
        var grams = TextGrams.OfItem("保税区，A", "");

        Assert.Equal(new[] { "a", "保税", "税区" }.Select(TextGrams.Code).Order(), grams.Order());
    }

    [Fact]
    public void Searches_for_every_bigram_of_the_query()
    {
        Assert.Equal(new[] { "保税", "税区" }.Select(TextGrams.Code).Order(), TextGrams.OfQuery("保税区"));
    }

    [Fact]
    public void Finds_characters_beyond_the_basic_plane_too()
    {
        // 𠮷 (U+20BB7) is a surrogate pair in UTF-16
        var grams = TextGrams.OfItem("𠮷野家", "");

        Assert.Equal(new[] { "𠮷野", "野家" }.Select(TextGrams.Code).Order(), grams.Order());
        Assert.NotEqual(TextGrams.Code("𠮷野"), TextGrams.Code("野家"));
    }
}
