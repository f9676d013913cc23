using Dating.BuildingBlocks.Http;
using Dating.Profiles.ProfileManagement;

namespace Dating.Profiles.Accounts;

internal static class RegisterValidator
{
    public static NewAccount? Validate(RegisterRequest request, DateOnly today, ValidationErrors errors)
    {
        var email = request.Email is null ? null : EmailAddress.Normalize(request.Email);
        if (email is null || !EmailAddress.IsValid(email))
        {
            errors.Add("email", $"A valid e-mail address of at most {EmailAddress.MaxLength} characters is required.");
        }

        PasswordRules.Validate(errors, request.Password);
        ProfileRules.ValidateBirthDate(errors, request.BirthDate, today);
        var details = ProfileRules.Validate(
            errors,
            request.DisplayName,
            request.Bio,
            request.Gender,
            request.InterestedIn,
            request.AgeRange ?? ProfileRules.DefaultAgeRange,
            request.MaxDistanceKm ?? ProfileRules.DefaultMaxDistanceKm,
            request.Location,
            request.Interests);

        return errors.IsEmpty ? new NewAccount(email!, request.Password!, request.BirthDate!.Value, details!) : null;
    }
}
