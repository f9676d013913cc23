namespace Dating.Profiles.ProfileManagement;

internal static class AgeCalculator
{
    public static int YearsOld(DateOnly birthDate, DateOnly today)
    {
        var years = today.Year - birthDate.Year;
        return birthDate > today.AddYears(-years) ? years - 1 : years;
    }

    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
