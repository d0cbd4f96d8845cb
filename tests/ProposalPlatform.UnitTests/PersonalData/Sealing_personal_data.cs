using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using ProposalPlatform.Infrastructure.PersonalData;
using static ProposalPlatform.UnitTests.PersonalData.KeyRings;

namespace ProposalPlatform.UnitTests.PersonalData;

public class Sealing_personal_data
{
    private const string Phone = "13912345678";
    private const string Purpose = "intake.contact_details";
    private static readonly Guid _owner = Guid.Parse("0b6f3c1e-0000-4000-8000-000000000012");

    [Fact]
    public void Opens_what_it_sealed_and_stores_none_of_it_in_the_clear()
    {
        var cipher = Cipher();

        var sealedPhone = cipher.SealText(Phone, Purpose, _owner)!;

        Assert.Equal(Phone, cipher.OpenText(sealedPhone, Purpose, _owner));
        Assert.Equal(-1, sealedPhone.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Phone)));
        Assert.Equal("k1", PersonalDataCipher.KeyIdOf(sealedPhone));
        Assert.Equal(PersonalDataCipher.FormatVersion, sealedPhone[0]);
    }

    [Fact]
    public void Seals_the_same_text_differently_each_time()
    {
        var cipher = Cipher();

        var first = cipher.SealText(Phone, Purpose, _owner)!;
        var second = cipher.SealText(Phone, Purpose, _owner)!;

        Assert.NotEqual(first, second);
        Assert.Null(cipher.SealText(null, Purpose, _owner));
        Assert.Null(cipher.OpenText(null, Purpose, _owner));
    }

    [Theory]
    [InlineData(2)]   // the key id
    [InlineData(4)]   // the nonce
    [InlineData(16)]  // the tag
    [InlineData(-1)]  // the ciphertext's last byte
    public void Refuses_a_value_altered_in_any_byte(int position)
    {
        var cipher = Cipher();
        var sealedPhone = cipher.SealText(Phone, Purpose, _owner)!;

        sealedPhone[position < 0 ? sealedPhone.Length + position : position] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => cipher.OpenText(sealedPhone, Purpose, _owner));
    }

    [Fact]
    public void Refuses_a_value_cut_short_or_of_another_format()
    {
        var cipher = Cipher();
        var sealedPhone = cipher.SealText(Phone, Purpose, _owner)!;

        Assert.ThrowsAny<CryptographicException>(() => cipher.OpenText(sealedPhone[..^1], Purpose, _owner));
        Assert.Throws<CryptographicException>(() => cipher.OpenText(sealedPhone[..10], Purpose, _owner));
        Assert.Throws<CryptographicException>(() => cipher.OpenText([2, .. sealedPhone[1..]], Purpose, _owner));
        Assert.Throws<CryptographicException>(() => cipher.OpenText(Encoding.UTF8.GetBytes(Phone), Purpose, _owner));
    }

    [Fact]
    public void Refuses_a_value_moved_to_another_owner_or_column()
    {
        var cipher = Cipher();
        var sealedPhone = cipher.SealText(Phone, Purpose, _owner)!;

        Assert.Throws<AuthenticationTagMismatchException>(() => cipher.OpenText(sealedPhone, Purpose, Guid.NewGuid()));
        Assert.Throws<AuthenticationTagMismatchException>(() => cipher.OpenText(sealedPhone, "reply.leader_phone", _owner));
    }

    [Fact]
    public void Refuses_a_value_under_another_key_of_the_same_id()
    {
        var sealedPhone = Cipher().SealText(Phone, Purpose, _owner)!;

        var otherRing = Cipher();

        Assert.Throws<AuthenticationTagMismatchException>(() => otherRing.OpenText(sealedPhone, Purpose, _owner));
    }

    [Fact]
    public void Refuses_a_value_sealed_with_a_key_the_ring_does_not_have()
    {
        var sealedPhone = new PersonalDataCipher(Ring("2024", ("2024", NewKey()))).SealText(Phone, Purpose, _owner)!;

        var exception = Assert.Throws<CryptographicException>(() => Cipher().OpenText(sealedPhone, Purpose, _owner));

        Assert.Contains("'2024'", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Opens_values_of_a_rotated_key_and_seals_new_ones_with_the_current_key()
    {
        var (k1, k2) = (NewKey(), NewKey());
        var beforeRotation = new PersonalDataCipher(Ring("k1", ("k1", k1)));
        var old = beforeRotation.SealText(Phone, Purpose, _owner)!;

        var rotated = new PersonalDataCipher(Ring("k2", ("k1", k1), ("k2", k2)));
        var sealedAfter = rotated.SealText(Phone, Purpose, _owner)!;

        Assert.Equal(Phone, rotated.OpenText(old, Purpose, _owner));
        Assert.Equal("k2", PersonalDataCipher.KeyIdOf(sealedAfter));
        Assert.Equal(Phone, new PersonalDataCipher(Ring("k2", ("k2", k2))).OpenText(sealedAfter, Purpose, _owner));
        Assert.Throws<CryptographicException>(() => new PersonalDataCipher(Ring("k2", ("k2", k2))).OpenText(old, Purpose, _owner));
    }

    [Theory]
    [InlineData("k9", "k1", 32)]        // the current key is not in the ring
    [InlineData("k1", "k1", 16)]        // a key of 128 bits
    [InlineData("k1", "k1 with spaces", 32)]
    public void Refuses_a_key_ring_that_cannot_seal(string current, string id, int keyBytes)
    {
        var options = Ring(current, (id, Convert.ToBase64String(RandomNumberGenerator.GetBytes(keyBytes))));

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.NotEmpty(results);
    }

    [Fact]
    public void Accepts_a_ring_of_256_bit_keys_whose_current_key_it_has()
    {
        var options = Ring("k2", ("k1", NewKey()), ("k2", NewKey()));

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.Empty(results);
    }
}
