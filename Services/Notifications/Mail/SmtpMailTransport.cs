using System.Text;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;
using ProposalPlatform.Notifications.Data;

namespace ProposalPlatform.Notifications.Mail;

/// <summary>Hands digests to the configured SMTP relay with MailKit: one connection for a batch, one message per digest.</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options)
{
    private readonly MailOptions _options = options.Value;

    /// <summary>Sends each digest; answers, in their order, null for each the server took and the error for each it did not.</summary>
    public async Task<IReadOnlyList<string?>> SendAsync(IReadOnlyList<PendingDigest> digests, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(_options.Host, _options.Port, _options.Security, cancellationToken);
            if (_options.UserName is { Length: > 0 } user)
            {
                await client.AuthenticateAsync(user, _options.Password ?? "", cancellationToken);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var error = Describe(ex);
            return [.. digests.Select(_ => error)];
        }

        var errors = new List<string?>(digests.Count);
        foreach (var digest in digests)
        {
            try
            {
                await client.SendAsync(MessageOf(digest), cancellationToken);
                errors.Add(null);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // a refused message, or a connection lost: the next ones then fail alike, and are retried
                errors.Add(Describe(ex));
            }
        }

        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(quit: true, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or OperationCanceledException)
            {
                // the messages were taken; a QUIT that fails changes nothing
            }
        }

        return errors;
    }

    private MimeMessage MessageOf(PendingDigest digest)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(_options.FromName, _options.From));
        foreach (var recipient in digest.Recipients)
        {
            message.To.Add(MailboxAddress.Parse(recipient));
        }

        message.Subject = digest.Subject;
        message.Date = digest.CreatedAt;
        // the same digest sent again (the server took it, but its being taken was not recorded) keeps its id
        message.MessageId = $"digest-{digest.Id}-{digest.CreatedAt.ToUnixTimeSeconds()}@{_options.From.Split('@')[^1]}";
        var body = new TextPart(TextFormat.Plain);
        body.SetText(Encoding.UTF8, digest.Body);
        message.Body = body;
        return message;
    }

    private static string Describe(Exception ex) => $"{ex.GetType().Name}: {ex.Message}";
}
