using StudyBot.Core.Content;
using StudyBot.Core.Study;

namespace StudyBot.Core.Tests;

public class StudyDaysTests
{
    private static readonly StudyDays MonWedFri = StudyDays.Of(DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday);

    [Theory]
    [InlineData("daily")]
    [InlineData("매일")]
    [InlineData("Every day")]
    public void Every_day_in_either_language(string text)
    {
        Assert.True(StudyDays.TryParse(text, out var days));
        Assert.Equal(StudyDays.Daily, days);
    }

    [Theory]
    [InlineData("mon,wed,fri")]
    [InlineData("Mon, Wed, Fri")]
    [InlineData("월,수,금")]
    [InlineData("월 수 금")]
    [InlineData("monday wednesday friday fri")]
    [InlineData("수요일,월,FRI")]
    public void Lists_of_days_in_english_or_korean_with_commas_or_spaces(string text)
    {
        Assert.True(StudyDays.TryParse(text, out var days));
        Assert.Equal(MonWedFri, days);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(",")]
    [InlineData("mon,funday")]
    [InlineData("weekly")]
    [InlineData("월,목요알")]
    public void Anything_else_is_refused(string text) => Assert.False(StudyDays.TryParse(text, out _));

    [Fact]
    public void Weekdays_and_weekends_are_the_days_people_mean()
    {
        Assert.True(StudyDays.TryParse("평일", out var weekdays));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], weekdays.Members());
        Assert.True(StudyDays.TryParse("weekends", out var weekends));
        Assert.Equal([DayOfWeek.Saturday, DayOfWeek.Sunday], weekends.Members());
    }

    [Fact]
    public void The_cron_field_names_the_days_and_every_day_is_a_star()
    {
        Assert.Equal("MON,WED,FRI", MonWedFri.CronDayOfWeek);
        Assert.Equal("MON,SAT,SUN", StudyDays.Of(DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Saturday).CronDayOfWeek);
        Assert.Equal("*", StudyDays.Daily.CronDayOfWeek);
    }

    [Fact]
    public void Described_in_english_and_korean()
    {
        Assert.Equal("Mon, Wed, Fri", MonWedFri.Describe(Language.En));
        Assert.Equal("월, 수, 금", MonWedFri.Describe(Language.Ko));
        Assert.Equal("평일", StudyDays.Weekdays.Describe(Language.Ko));
        Assert.Equal("every day", StudyDays.Daily.Describe(Language.En));
    }

    [Fact]
    public void Stored_bits_round_trip_and_an_empty_set_is_refused()
    {
        Assert.Equal(MonWedFri, StudyDays.FromBits(MonWedFri.Bits));
        Assert.Equal(127, StudyDays.Daily.Bits);
        Assert.Throws<ArgumentOutOfRangeException>(() => StudyDays.FromBits(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudyDays.FromBits(128));
    }
}
