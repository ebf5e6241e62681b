using ContactCenter.Kernel.Values;

namespace ContactCenter.Host.Tests.Leads;

/// <summary>How numbers people type are read: libphonenumber's metadata, the default region for national numbers.</summary>
public sealed class PhoneNumberTests
{
    private static readonly PhoneNumberReader Brazil = new("BR");

    [Theory]
    [InlineData("+55 (11) 98888-7777", "5511988887777")]
    [InlineData("(11) 98888-7777", "5511988887777")]
    [InlineData("11 98888 7777", "5511988887777")]
    [InlineData("011 98888-7777", "5511988887777")] // the trunk 0 people dial in Brazil
    [InlineData("5511988887777", "5511988887777")]
    [InlineData("0055 11 98888-7777", "5511988887777")]
    [InlineData(" +55 11 3333-4444 ", "551133334444")] // a landline: 8 digits after the area code
    [InlineData("(21) 3333-4444", "552133334444")]
    [InlineData("+351 912 345 678", "351912345678")] // a Portuguese mobile typed with its country code
    public void A_valid_number_in_any_format_becomes_its_E164_digits(string typed, string digits)
    {
        Assert.True(Brazil.TryParse(typed, out var phone), typed);
        Assert.Equal(digits, phone.Digits);
    }

    [Theory]
    [InlineData("+55 11 8888-7777")] // a mobile without its ninth digit: no longer a Brazilian number
    [InlineData("(11) 9888-7777")]
    [InlineData("+55 00 98888-7777")] // no area code 00
    [InlineData("98888-7777")] // no area code
    [InlineData("+55 11 9777")]
    [InlineData("12345")]
    [InlineData("ligar para Carla")]
    [InlineData("0800 FLORES")]
    [InlineData("")]
    [InlineData(null)]
    public void What_is_not_a_valid_number_is_refused(string? typed)
    {
        Assert.False(Brazil.TryParse(typed, out _), typed);
    }

    [Fact]
    public void National_numbers_are_read_in_the_configured_region()
    {
        Assert.True(new PhoneNumberReader("pt").TryParse("912 345 678", out var portuguese));
        Assert.Equal("351912345678", portuguese.Digits);
        Assert.False(Brazil.TryParse("912 345 678", out _));
        Assert.Equal("+55 11 98888-7777", PhoneNumber.TryParse("11988887777", "BR", out var phone) ? phone.International : null);

        var typo = Assert.Throws<InvalidOperationException>(() => new PhoneNumberReader("BRA"));
        Assert.Contains(PhoneNumberReader.DefaultRegionKey, typo.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_channels_number_is_kept_as_sent_when_the_library_does_not_hold_it_valid()
    {
        Assert.Equal("5511988887777", PhoneNumberReader.FromChannel("5511988887777"));
        Assert.Equal("5511988887777", PhoneNumberReader.FromChannel("+55 11 98888-7777"));
        // WhatsApp still names some Brazilian mobiles without the ninth digit: that is the address it answers to.
        Assert.Equal("551188887777", PhoneNumberReader.FromChannel("551188887777"));
        Assert.Null(PhoneNumberReader.FromChannel(""));
        Assert.Null(PhoneNumberReader.FromChannel(new string('1', 21)));
    }

    [Theory]
    [InlineData("(11) 98888-7777", "5511988887777")]
    [InlineData("011 98888-7777", "5511988887777")]
    [InlineData("+55 21 97777", "552197777")] // a part of a number matches as typed
    [InlineData("8888-7777", "88887777")]
    [InlineData("Maria 2", "")] // a name, not a number
    public void A_search_reads_a_whole_number_and_keeps_a_part_as_typed(string typed, string digits)
    {
        Assert.Equal(digits, Brazil.SearchDigits(typed));
    }
}
