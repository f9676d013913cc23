namespace Dating.Contracts;

public enum Gender
{
    Man,
    Woman,
    Nonbinary,
}
