using System.Collections.Concurrent;
using System.Security.Cryptography;
using StudyBot.Core.Chat;

namespace StudyBot.Core.Suggestions;

/// <summary>What was typed into a refused form, for the form opened again.</summary>
/// <param name="EditOf">The suggestion an admin was editing, or null for a new one.</param>
public sealed record HeldDraft(ChannelAddress Channel, string UserId, SuggestionDraft Draft, long? EditOf, DateTimeOffset HeldAt);

/// <summary>
/// Holds refused forms for the "Edit and resend" button: Discord has no way to keep a modal's values on
/// an error, and a button id (100 characters) cannot carry them. Memory only, a few hours and a bounded
/// number: losing one to a restart costs retyping, while storing drafts would keep text nobody sent.
/// </summary>
public sealed class SuggestionDrafts(TimeProvider clock)
{
    public const int Capacity = 2000;
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(6);

    private readonly ConcurrentDictionary<string, HeldDraft> _held = new(StringComparer.Ordinal);

    public string Hold(ChannelAddress channel, string userId, SuggestionDraft draft, long? editOf)
    {
        var now = clock.GetUtcNow();
        if (_held.Count >= Capacity)
        {
            foreach (var old in _held.Where(h => now - h.Value.HeldAt > KeepFor || _held.Count >= Capacity).OrderBy(h => h.Value.HeldAt).Take(Capacity / 10))
                _held.TryRemove(old.Key, out _);
        }
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        _held[token] = new HeldDraft(channel, userId, draft, editOf, now);
        return token;
    }

    /// <summary>The draft behind a token, only for the person who typed it and while it is kept.</summary>
    public HeldDraft? Find(string token, string userId) =>
        _held.TryGetValue(token, out var held) && held.UserId == userId && clock.GetUtcNow() - held.HeldAt <= KeepFor ? held : null;

    public void Forget(string token) => _held.TryRemove(token, out _);
}
