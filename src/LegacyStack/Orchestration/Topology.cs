namespace Dating.AppHost.Orchestration;

public enum Topology
{
    Microservices,
    Monolith,
}
