using CityTwin.Twin.Plates;

namespace CityTwin.Vision.Plates.Tracking;

/// <summary>
/// Votes a track's reads into one plate: the character count with the most confidence wins, then each position takes
/// the character with the highest summed confidence. The voted text must pass the plate grammar; where it does not,
/// the most confident single read that does is taken instead.
/// </summary>
public static class PlateVote
{
    /// <summary>The voted plate, its confidence and the observation whose crop and time best represent it; null when no reading is a plate.</summary>
    public static (PlateNumber Plate, float Confidence, PlateObservation Best)? Vote(PlateTrack track)
    {
        var reads = track.Observations.Where(o => o.Characters.Length > 0 && o.Confidences.Count == o.Characters.Length).ToList();
        if (reads.Count == 0) return null;
        var layout = reads.GroupBy(o => o.Layout).MaxBy(g => g.Sum(o => o.Confidence))!.Key;

        var length = reads.GroupBy(o => o.Characters.Length).MaxBy(g => g.Sum(o => o.Confidence))!.Key;
        var sameLength = reads.Where(o => o.Characters.Length == length).ToList();
        var characters = new char[length];
        var confidences = new float[length];
        for (var i = 0; i < length; i++)
        {
            var tally = new Dictionary<char, float>();
            foreach (var read in sameLength)
                tally[read.Characters[i]] = tally.GetValueOrDefault(read.Characters[i]) + read.Confidences[i];
            var (character, weight) = tally.MaxBy(pair => pair.Value);
            characters[i] = character;
            // Agreement times strength: a character all reads agree on at 0.9 scores 0.9.
            confidences[i] = weight / sameLength.Count;
        }

        var voted = PlateTextInterpreter.Interpret(new string(characters), layout, out _);
        if (voted is not null)
        {
            var best = sameLength.Where(o => o.Characters == voted.CanonicalKey).MaxBy(o => o.Confidence) ?? sameLength.MaxBy(o => o.Confidence)!;
            return (voted, confidences.Average(), best);
        }
        foreach (var read in reads.OrderByDescending(o => o.Confidence))
        {
            var plate = PlateTextInterpreter.Interpret(read.Characters, read.Layout, out _);
            // A lone read outvoted by the others is worth less than the track's agreement would be.
            if (plate is not null) return (plate, read.Confidence / reads.Count, read);
        }
        return null;
    }
}
