namespace Synchronizer.Simulator.BlockStorage;

/// <summary>A volume type: cinder shows its name as volume_type and, from 3.63, its id as volume_type_id.</summary>
internal sealed record VolumeTypeSpec(string Id, string Name);
