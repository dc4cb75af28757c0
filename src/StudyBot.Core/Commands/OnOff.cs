namespace StudyBot.Core.Commands;

/// <summary>The on/off choice the group-study settings take ("on", "켜기"; "off", "끄기").</summary>
public static class OnOff
{
    public const string On = "on";
    public const string Off = "off";

    public static readonly IReadOnlyList<ParameterChoice> Choices = [new(On, "켜기"), new(Off, "끄기")];
}
