using Microsoft.Extensions.DependencyInjection;
using Pipeline.Actuator.Safety;
using Pipeline.Actuator.Targets;
using Pipeline.Runtime.Kafka.Hosting;

namespace Pipeline.Actuator.Service;

/// <summary>Registers the actuator stage with its options and target.</summary>
public static class ActuatorRegistration
{
    /// <summary>Adds <paramref name="options"/>, the target <paramref name="target"/> creates, the <see cref="Actuation"/> and the stage.</summary>
    public static IServiceCollection AddActuator(this IServiceCollection services, ActuatorOptions options, Func<IServiceProvider, IActuatorTarget> target)
    {
        services.AddSingleton(options);
        services.AddSingleton(target);
        services.AddSingleton(sp => new Actuation(sp.GetRequiredService<IActuatorTarget>(), options, sp.GetRequiredService<TimeProvider>()));
        return services.AddStage<ActuatorProcessor>();
    }
}
