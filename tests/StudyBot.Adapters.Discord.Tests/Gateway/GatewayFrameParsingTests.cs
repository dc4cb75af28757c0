using System.Text;
using StudyBot.Adapters.Discord.Client.Gateway;

namespace StudyBot.Adapters.Discord.Tests.Gateway;

public sealed class GatewayFrameParsingTests
{
    [Fact]
    public void A_dispatch_keeps_op_sequence_name_and_data_and_ignores_unknown_fields()
    {
        Assert.True(GatewayFrame.TryParse(Encoding.UTF8.GetBytes("""{"op":0,"s":42,"t":"READY","d":{"v":10},"future":[1]}"""), out var frame));

        Assert.Equal((0, 42L, "READY"), (frame.Op, frame.Sequence, frame.EventName));
        Assert.Equal(10, frame.Data.GetProperty("v").GetInt32());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("""{"d":{}}""")]
    [InlineData("""{"op":"0"}""")]
    [InlineData("""{"op":1.5}""")]
    [InlineData("")]
    public void Anything_that_is_not_a_gateway_payload_is_rejected(string text) =>
        Assert.False(GatewayFrame.TryParse(Encoding.UTF8.GetBytes(text), out _));

    [Fact]
    public void Null_sequence_and_name_are_allowed()
    {
        Assert.True(GatewayFrame.TryParse(Encoding.UTF8.GetBytes("""{"op":11,"s":null,"t":null,"d":null}"""), out var frame));

        Assert.Equal(11, frame.Op);
        Assert.Null(frame.Sequence);
        Assert.Null(frame.EventName);
    }
}
