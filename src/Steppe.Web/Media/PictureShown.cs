using Steppe.Domain.Banks;

namespace Steppe.Web.Media;

/// <summary>A question's picture as a client shows it: its address on this server and its alt text.</summary>
public sealed record PictureShown(string Url, string Alt)
{
    public static PictureShown? Of(QuestionImage? image) => image is null ? null : new PictureShown("/" + image.Src, image.Alt);
}
