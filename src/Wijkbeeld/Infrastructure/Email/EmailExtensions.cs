namespace Wijkbeeld.Infrastructure.Email;

public static class EmailExtensions
{
    /// <summary>The e-mail sender (<see cref="IEmailSender"/>) and templates, configured from the <c>Email</c> section.</summary>
    public static IHostApplicationBuilder AddWijkbeeldEmail(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<EmailOptions>(builder.Configuration.GetSection(EmailOptions.Section));
        builder.Services.AddSingleton<IEmailSender, EmailSender>();
        builder.Services.AddSingleton<EmailTemplates>();
        return builder;
    }
}
