namespace Wijkbeeld.Infrastructure.Email;

/// <summary>Settings under <c>Email</c> (environment: <c>Email__Smtp__Host</c> and so on).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where mails go when no SMTP host is set (development): one .eml file per mail, relative to the app.</summary>
    public string PickupDirectory { get; set; } = "data/mail";
}

public sealed class SmtpOptions
{
    /// <summary>Empty: no mail is sent; each mail is logged and written to the pickup folder instead.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Empty: no authentication.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Sender, "Name &lt;address&gt;" or just an address; required with a host.</summary>
    public string? From { get; set; }

    /// <summary>true: encrypt (TLS on connect for port 465, STARTTLS required otherwise); false: plain SMTP, for a local relay only.</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>How long to wait for the server before giving up.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
