namespace ProposalPlatform.Portal.Resources;

/// <summary>The portal's words: <c>Text.resx</c> in Chinese (the default), <c>Text.en.resx</c> in English.</summary>
public sealed class Text;
