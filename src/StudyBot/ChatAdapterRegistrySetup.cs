using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StudyBot.Adapters.Common;

namespace StudyBot;

public static class ChatAdapterRegistrySetup
{
    /// <summary>One <see cref="ChatAdapters"/> that every adapter reports to; it stops the application when none is left.</summary>
    public static IHostApplicationBuilder AddChatAdapterRegistry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ChatAdapters>();
        builder.Services.AddSingleton<IChatAdapterRegistry>(services => services.GetRequiredService<ChatAdapters>());
        builder.Services.AddSingleton<IChatAdapterStates>(services => services.GetRequiredService<ChatAdapters>());
        return builder;
    }
}
