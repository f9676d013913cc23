using Dating.BuildingBlocks.Http;

namespace Dating.Profiles.Accounts;

internal static class PasswordRules
{
    public const int MinLength = 10;
    public const int MaxLength = 256;

    public static void Validate(ValidationErrors errors, string? password)
    {
        if (password is null || password.Length < MinLength)
        {
            errors.Add("password", $"The password must be at least {MinLength} characters.");
        }
        else if (password.Length > MaxLength)
        {
            errors.Add("password", $"The password must be at most {MaxLength} characters.");
        }
    }
}
