namespace SocialValue.Runtime;

/// <summary>Marks an interface as a grain interface: a reference to one grain identified by a string key.</summary>
public interface IGrain;
