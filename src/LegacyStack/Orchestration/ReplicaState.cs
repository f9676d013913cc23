namespace Dating.AppHost.Orchestration;

public enum ReplicaState
{
    NotStarted,
    Starting,
    Running,
    Restarting,
    Stopped,
    Failed,
}
