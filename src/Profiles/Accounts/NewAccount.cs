using Dating.Profiles.ProfileManagement;

namespace Dating.Profiles.Accounts;

/// <summary>A registration that passed validation.</summary>
internal sealed record NewAccount(string Email, string Password, DateOnly BirthDate, ProfileDetails Details);
