using CityTwin.Twin.Plates;

namespace CityTwin.Twin.Tests.Plates;

public class PlateConfusionsTests
{
    [Theory]
    [InlineData('0', 'D')]
    [InlineData('8', 'B')]
    [InlineData('1', 'I')]
    [InlineData('5', 'S')]
    [InlineData('2', 'Z')]
    public void AreConfusable_DesignPair_IsTrueBothWaysAndEachIsTheOthersOnlyAlternative(char digit, char letter)
    {
        Assert.True(PlateConfusions.AreConfusable(digit, letter));
        Assert.True(PlateConfusions.AreConfusable(letter, digit));
        Assert.Equal([letter], PlateConfusions.AlternativesOf(digit));
        Assert.Equal([digit], PlateConfusions.AlternativesOf(letter));
    }

    [Theory]
    [InlineData('0', 'O')]
    [InlineData('8', 'S')]
    [InlineData('D', 'D')]
    public void AreConfusable_PairOutsideTheList_IsFalse(char a, char b)
    {
        Assert.False(PlateConfusions.AreConfusable(a, b));
    }

    [Fact]
    public void AlternativesOf_CharacterWithoutPartner_IsEmpty()
    {
        Assert.Empty(PlateConfusions.AlternativesOf('X'));
    }
}
